// SQL for editing one pair: reading it for update, writing its new text and state, and its revisions.

import type { Db } from './open-database.ts';
import type { MtKind } from '../domain/types.ts';

export interface EditablePairRow {
  id: number;
  document_id: number;
  idx: number;
  noise: 0 | 1;
  state: number | null;
  mt_text: string;
  mt_kind: MtKind;
  tgt_text: string;
  version: number;
  src_text: string;
  /** 1 when the Chinese changed after the pair was translated (see documents-repo's PairRow). */
  src_changed: 0 | 1;
}

export interface RevisionRow {
  id: number;
  pair_id: number;
  version: number;
  author: string | null;
  action: string;
  old_text: string;
  new_text: string;
  old_state: number | null;
  new_state: number | null;
  comment: string | null;
  seconds: number;
  created_at: string;
  /** The kind of batch the revision was part of (a search-and-replace, a propagation, their undo), if any. */
  batch_kind: string | null;
  /** For a change of the Chinese: its sentences before and after (JSON, see domain/source-replace.ts). */
  source_change: string | null;
}

/** One Chinese sentence of a pair. */
export interface SourceSegmentRow {
  id: number;
  text: string;
}

export interface NewRevision {
  pairId: number;
  version: number;
  authorId: number | null;
  action: string;
  oldText: string;
  newText: string;
  oldState: number | null;
  newState: number | null;
  comment: string | null;
  seconds: number;
  /** The search-and-replace, propagation or undo the change is part of. */
  batchId?: number | null;
  /** A change of the Chinese (action 'source'): the sentences before and after, as JSON. */
  sourceChange?: string | null;
}

export function pairsRepo(db: Db) {
  const q = {
    pair: db.prepare(`SELECT p.id, p.document_id, p.idx, p.noise, p.state, p.mt_text, p.mt_kind, p.tgt_text, p.version, p.src_changed,
        coalesce((SELECT group_concat(text, '') FROM (SELECT text FROM segments s WHERE s.pair_id = p.id AND s.side = 'src' ORDER BY s.idx)), '') AS src_text
      FROM pairs p WHERE p.id = ?`),
    update: db.prepare(`UPDATE pairs SET tgt_text = ?, state = ?, version = version + 1, last_editor_id = ?,
        changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), edit_seconds = edit_seconds + ?, src_changed = src_changed * ? WHERE id = ? AND version = ?`),
    updateSource: db.prepare(`UPDATE pairs SET state = ?, src_changed = ?, version = version + 1, last_editor_id = ?,
        changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND version = ?`),
    setSegment: db.prepare(`UPDATE segments SET text = ? WHERE id = ? AND pair_id = ? AND side = 'src'`),
    sourceSegments: db.prepare(`SELECT id, text FROM segments WHERE pair_id = ? AND side = 'src' ORDER BY idx`),
    bumpDocument: db.prepare(`UPDATE documents SET revision = revision + 1 WHERE id = (SELECT document_id FROM pairs WHERE id = ?)
      RETURNING id, revision`),
    insertRevision: db.prepare(`INSERT INTO revisions (document_id, doc_revision, pair_id, version, author_id, action, old_text, new_text, old_state, new_state, comment, seconds, batch_id, source_change)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    bumpMemory: db.prepare("UPDATE change_counters SET value = value + 1 WHERE name = 'memory'"),
    untranslated: db.prepare(`SELECT p.id, p.version,
        coalesce((SELECT group_concat(text, '') FROM (SELECT text FROM segments s WHERE s.pair_id = p.id AND s.side = 'src' ORDER BY s.idx)), '') AS src
      FROM pairs p WHERE p.document_id = ? AND p.noise = 0 AND p.state = 0 ORDER BY p.idx`),
    setMachine: db.prepare(`UPDATE pairs SET mt_text = ?, mt_kind = ?, tgt_text = ?, state = 10, version = version + 1, last_editor_id = ?,
        changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND version = ? AND state = 0`),
    history: db.prepare(`SELECT r.id, r.pair_id, r.version, u.name AS author, r.action, r.old_text, r.new_text, r.old_state, r.new_state,
        r.comment, r.seconds, r.created_at, b.kind AS batch_kind, r.source_change
      FROM revisions r LEFT JOIN users u ON u.id = r.author_id LEFT JOIN edit_batches b ON b.id = r.batch_id
      WHERE r.pair_id = ? ORDER BY r.version DESC`),
    // A version's text is what the revision that made it left, or what the next revision started from (for the
    // version before the first revision, which no revision made).
    revisionText: db.prepare(`SELECT text FROM (
        SELECT new_text AS text, 0 AS pick FROM revisions WHERE pair_id = @pair AND version = @version
        UNION ALL SELECT old_text, 1 FROM revisions WHERE pair_id = @pair AND version = @version + 1)
      ORDER BY pick LIMIT 1`).pluck(),
  };
  return {
    pair: (id: number) => q.pair.get(id) as EditablePairRow | undefined,
    /**
     * Writes the pair's new text and state if it is still at `version`; false when another writer moved it first.
     * The condition is in the statement, so the check holds whatever lock the caller has or has not taken. A person's
     * own save takes the mark "Chinese changed since translation" off (`keepSourceMark` keeps it, for changes of many rows).
     */
    update: (id: number, version: number, text: string, state: number, editorId: number | null, seconds: number, keepSourceMark = false) =>
      q.update.run(text, state, editorId, seconds, keepSourceMark ? 1 : 0, id, version).changes === 1,
    /** The pair's Chinese sentences in order. */
    sourceSegments: (pairId: number) => q.sourceSegments.all(pairId) as SourceSegmentRow[],
    /**
     * Writes new texts of some of the pair's Chinese sentences, its state and its mark, if the pair is still at
     * `version`; false (nothing written) when another writer moved it first. The sentences stay where they are.
     */
    updateSource(id: number, version: number, segments: readonly SourceSegmentRow[], state: number, marked: boolean, editorId: number | null): boolean {
      if (q.updateSource.run(state, marked ? 1 : 0, editorId, id, version).changes !== 1) return false;
      for (const s of segments) q.setSegment.run(s.text, s.id, id);
      return true;
    },
    /** Records a change of the pair and bumps its document's revision (and the memory's, for an approved pair) with it; returns its id. */
    insertRevision(r: NewRevision): number {
      const doc = q.bumpDocument.get(r.pairId) as { id: number; revision: number };
      if (r.oldState === 30 || r.newState === 30) q.bumpMemory.run();
      return Number(q.insertRevision.run(doc.id, doc.revision, r.pairId, r.version, r.authorId, r.action, r.oldText, r.newText, r.oldState, r.newState, r.comment, r.seconds, r.batchId ?? null, r.sourceChange ?? null).lastInsertRowid);
    },
    history: (pairId: number) => q.history.all(pairId) as RevisionRow[],
    /** The text a pair had after one of its revisions; undefined when it has no such revision. */
    revisionText: (pairId: number, version: number) => q.revisionText.get({ pair: pairId, version }) as string | undefined,
    untranslated: (documentId: number) => q.untranslated.all(documentId) as { id: number; version: number; src: string }[],
    /** Fills an untranslated pair with a machine draft of `kind`, unless someone changed it meanwhile. */
    setMachineTranslation: (id: number, version: number, text: string, kind: MtKind, editorId: number | null) =>
      q.setMachine.run(text, kind, text, editorId, id, version).changes === 1,
  };
}
export type PairsRepo = ReturnType<typeof pairsRepo>;
