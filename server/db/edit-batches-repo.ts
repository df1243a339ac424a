// SQL for batches of pair revisions made at once (a search-and-replace, a propagated translation) and undone as one.

import type { Db } from './open-database.ts';

/** A pair's texts as a whole-document search reads them. */
export interface PairTextsRow {
  id: number;
  idx: number;
  version: number;
  state: number;
  src_text: string;
  tgt_text: string;
}

export type BatchKind = 'replace' | 'propagate' | 'undo';

export interface NewBatch {
  documentId: number;
  authorId: number | null;
  kind: BatchKind;
  summary: string;
  undoes: number | null;
}

export interface BatchRow {
  id: number;
  document_id: number;
  author_id: number | null;
  kind: BatchKind;
  summary: string;
  undone_by: number | null;
  /** How many pairs the batch changed. */
  pairs: number;
}

/** A pair's change in a batch: enough to put the text back if the pair is still at `version`. */
export interface BatchRevisionRow {
  pair_id: number | null;
  version: number;
  old_text: string;
  new_text: string;
  old_state: number | null;
  new_state: number | null;
  /** Set for a change of the Chinese (see domain/source-replace.ts). */
  source_change: string | null;
}

/** A Chinese sentence of a document's pair, as a replacement on the Chinese side reads it. */
export interface SourceSentenceRow {
  pair_id: number;
  id: number;
  text: string;
}

const BATCH = `SELECT b.id, b.document_id, b.author_id, b.kind, b.summary, b.undone_by,
    (SELECT count(*) FROM revisions r WHERE r.batch_id = b.id) AS pairs FROM edit_batches b`;

export function editBatchesRepo(db: Db) {
  const q = {
    texts: db.prepare(`SELECT p.id, p.idx, p.version, p.state, p.tgt_text,
        coalesce((SELECT group_concat(text, '') FROM (SELECT text FROM segments s WHERE s.pair_id = p.id AND s.side = 'src' ORDER BY s.idx)), '') AS src_text
      FROM pairs p WHERE p.document_id = ? AND p.noise = 0 ORDER BY p.idx`),
    repeats: db.prepare(`SELECT p.id, p.idx, p.version, p.state, p.tgt_text,
        coalesce((SELECT group_concat(text, '') FROM (SELECT text FROM segments s WHERE s.pair_id = p.id AND s.side = 'src' ORDER BY s.idx)), '') AS src_text
      FROM pairs p WHERE p.noise = 0 AND p.id IN (SELECT s.pair_id FROM segments s
        WHERE s.document_id = (SELECT document_id FROM pairs WHERE id = @pair) AND s.noise = 0 AND s.side = 'src'
          AND s.text = (SELECT text FROM segments WHERE pair_id = @pair AND side = 'src' ORDER BY idx LIMIT 1))
      ORDER BY p.idx`),
    insert: db.prepare(`INSERT INTO edit_batches (document_id, author_id, kind, summary, undoes) VALUES (@documentId, @authorId, @kind, @summary, @undoes)`),
    batch: db.prepare(`${BATCH} WHERE b.id = ?`),
    last: db.prepare(`${BATCH} WHERE b.document_id = ? AND b.author_id = ? AND b.kind <> 'undo' AND b.undone_by IS NULL ORDER BY b.id DESC LIMIT 1`),
    revisions: db.prepare(`SELECT pair_id, version, old_text, new_text, old_state, new_state, source_change FROM revisions WHERE batch_id = ? ORDER BY id`),
    sources: db.prepare(`SELECT s.pair_id, s.id, s.text FROM segments s JOIN pairs p ON p.id = s.pair_id
      WHERE p.document_id = ? AND p.noise = 0 AND s.side = 'src' ORDER BY p.idx, s.idx`),
    markUndone: db.prepare('UPDATE edit_batches SET undone_by = ? WHERE id = ? AND undone_by IS NULL'),
  };
  return {
    /** Every pair of the document but page noise, in order, with its Chinese joined. */
    documentTexts: (documentId: number) => q.texts.all(documentId) as PairTextsRow[],
    /** The Chinese sentences of every pair `documentTexts` lists, in the same order, each pair's in its order. */
    documentSources: (documentId: number) => q.sources.all(documentId) as SourceSentenceRow[],
    /**
     * The pairs of the pair's document (itself included) with a Chinese sentence equal to its first: the candidates
     * for repeating its whole Chinese, found from the document's sentences without joining every pair's.
     */
    repeatCandidates: (pairId: number) => q.repeats.all({ pair: pairId }) as PairTextsRow[],
    /** Starts a batch; its revisions name it. Returns its id. */
    insertBatch: (b: NewBatch) => Number(q.insert.run(b).lastInsertRowid),
    batch: (id: number) => q.batch.get(id) as BatchRow | undefined,
    /** The author's latest batch in the document that can still be undone. */
    lastBatch: (documentId: number, authorId: number) => q.last.get(documentId, authorId) as BatchRow | undefined,
    batchRevisions: (batchId: number) => q.revisions.all(batchId) as BatchRevisionRow[],
    /** Records that `undoId` reverted the batch; false when another undo did first. */
    markUndone: (batchId: number, undoId: number) => q.markUndone.run(undoId, batchId).changes === 1,
  };
}
export type EditBatchesRepo = ReturnType<typeof editBatchesRepo>;
