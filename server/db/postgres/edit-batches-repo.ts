// SQL for batches of pair revisions undone as one, on PostgreSQL (see ../edit-batches-repo.ts).

import type { BatchRevisionRow, BatchRow, NewBatch, PairTextsRow, SourceSentenceRow } from '../edit-batches-repo.ts';
import { one, row, rows, run, type Sql } from './connect.ts';
import { SOURCE_TEXT } from './pairs-repo.ts';

const BATCH = `SELECT b.id, b.document_id, b.author_id, b.kind, b.summary, b.undone_by,
    (SELECT count(*) FROM revisions r WHERE r.batch_id = b.id) AS pairs FROM edit_batches b`;

export function editBatchesRepo(sql: Sql) {
  return {
    documentTexts: (documentId: number) => rows<PairTextsRow>(sql, `SELECT p.id, p.idx, p.version, p.state, p.tgt_text, ${SOURCE_TEXT} AS src_text
      FROM pairs p WHERE p.document_id = $1 AND p.noise = 0 ORDER BY p.idx`, [documentId]),
    documentSources: (documentId: number) => rows<SourceSentenceRow>(sql, `SELECT s.pair_id, s.id, s.text FROM segments s JOIN pairs p ON p.id = s.pair_id
      WHERE p.document_id = $1 AND p.noise = 0 AND s.side = 'src' ORDER BY p.idx, s.idx`, [documentId]),
    repeatCandidates: (pairId: number) => rows<PairTextsRow>(sql, `SELECT p.id, p.idx, p.version, p.state, p.tgt_text, ${SOURCE_TEXT} AS src_text
      FROM pairs p WHERE p.noise = 0 AND p.id IN (SELECT s.pair_id FROM segments s
        WHERE s.document_id = (SELECT document_id FROM pairs WHERE id = $1) AND s.noise = 0 AND s.side = 'src'
          AND s.text = (SELECT text FROM segments WHERE pair_id = $1 AND side = 'src' ORDER BY idx LIMIT 1))
      ORDER BY p.idx`, [pairId]),
    /**
     * Starts a batch, locking its document row first as every pair save does, so that the batch's saves and anyone
     * else's queue in one order (an undo racing an undo would otherwise lock the batch row and the document crosswise).
     */
    insertBatch: async (b: NewBatch) => (await one<number>(sql, `WITH doc AS (SELECT id FROM documents WHERE id = $1 FOR UPDATE)
      INSERT INTO edit_batches (document_id, author_id, kind, summary, undoes) SELECT doc.id, $2, $3, $4, $5 FROM doc RETURNING id`,
    [b.documentId, b.authorId, b.kind, b.summary, b.undoes]))!,
    batch: (id: number) => row<BatchRow>(sql, `${BATCH} WHERE b.id = $1`, [id]),
    lastBatch: (documentId: number, authorId: number) => row<BatchRow>(sql,
      `${BATCH} WHERE b.document_id = $1 AND b.author_id = $2 AND b.kind <> 'undo' AND b.undone_by IS NULL ORDER BY b.id DESC LIMIT 1`, [documentId, authorId]),
    batchRevisions: (batchId: number) => rows<BatchRevisionRow>(sql,
      'SELECT pair_id, version, old_text, new_text, old_state, new_state, source_change FROM revisions WHERE batch_id = $1 ORDER BY id', [batchId]),
    markUndone: async (batchId: number, undoId: number) =>
      (await run(sql, 'UPDATE edit_batches SET undone_by = $1 WHERE id = $2 AND undone_by IS NULL', [undoId, batchId])).changes === 1,
  };
}
