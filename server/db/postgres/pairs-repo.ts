// SQL for editing one pair, on PostgreSQL (see ../pairs-repo.ts). Saves are versioned: a writer that read an older
// version changes nothing, whoever committed first. Every write that goes on to record a revision locks the document
// row first, as alignment edits do (claimVersion), so a save and an alignment edit of one document queue in the same
// order and never deadlock.

import type { EditablePairRow, NewRevision, RevisionRow, SourceSegmentRow } from '../pairs-repo.ts';
import { one, row, rows, run, type Sql } from './connect.ts';
import type { MtKind } from '../../domain/types.ts';

/** The Chinese of pair `p`: its source sentences in order, joined. */
export const SOURCE_TEXT = `coalesce((SELECT string_agg(s.text, '' ORDER BY s.idx) FROM segments s WHERE s.pair_id = p.id AND s.side = 'src'), '')`;

// The document row of the pair whose id is parameter `pair`, locked before the pair's own row: the update's condition
// ends in EXISTS (SELECT 1 FROM doc), which runs before the row it passes is locked.
const lockDocument = (pair: string) => `WITH doc AS (SELECT id FROM documents WHERE id = (SELECT document_id FROM pairs WHERE id = ${pair}) FOR UPDATE)`;

export function pairsRepo(sql: Sql) {
  return {
    pair: (id: number) => row<EditablePairRow>(sql, `SELECT p.id, p.document_id, p.idx, p.noise, p.state, p.mt_text, p.mt_kind, p.tgt_text, p.version, p.src_changed,
      ${SOURCE_TEXT} AS src_text FROM pairs p WHERE p.id = $1`, [id]),
    /**
     * Writes the pair's new text and state if it is still at `version`; false when another writer moved it first. Under
     * read committed a second writer waits for the first one's locks, then finds the version moved on.
     */
    update: async (id: number, version: number, text: string, state: number, editorId: number | null, seconds: number, keepSourceMark = false) =>
      (await run(sql, `${lockDocument('$5')} UPDATE pairs SET tgt_text = $1, state = $2, version = version + 1, last_editor_id = $3, changed_at = now(),
        edit_seconds = edit_seconds + $4, src_changed = src_changed * $7 WHERE id = $5 AND version = $6 AND EXISTS (SELECT 1 FROM doc)`,
      [text, state, editorId, seconds, id, version, keepSourceMark ? 1 : 0])).changes === 1,
    sourceSegments: (pairId: number) => rows<SourceSegmentRow>(sql, `SELECT id, text FROM segments WHERE pair_id = $1 AND side = 'src' ORDER BY idx`, [pairId]),
    async updateSource(id: number, version: number, segments: readonly SourceSegmentRow[], state: number, marked: boolean, editorId: number | null): Promise<boolean> {
      const moved = await run(sql, `${lockDocument('$4')} UPDATE pairs SET state = $1, src_changed = $2, version = version + 1, last_editor_id = $3,
        changed_at = now() WHERE id = $4 AND version = $5 AND EXISTS (SELECT 1 FROM doc)`, [state, marked ? 1 : 0, editorId, id, version]);
      if (moved.changes !== 1) return false;
      for (const s of segments) await run(sql, `UPDATE segments SET text = $1 WHERE id = $2 AND pair_id = $3 AND side = 'src'`, [s.text, s.id, id]);
      return true;
    },
    /** Records a change of the pair and bumps its document's revision (and the memory's, for an approved pair) with it; returns its id. */
    insertRevision: async (r: NewRevision) => (await one<number>(sql, `WITH doc AS (
        UPDATE documents SET revision = revision + 1 WHERE id = (SELECT document_id FROM pairs WHERE id = $1) RETURNING id, revision),
      memory AS (UPDATE change_counters SET value = value + 1 WHERE name = 'memory' AND $11::boolean)
      INSERT INTO revisions (document_id, doc_revision, pair_id, version, author_id, action, old_text, new_text, old_state, new_state, comment, seconds, batch_id, source_change)
      SELECT doc.id, doc.revision, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $12, $13 FROM doc RETURNING id`,
    [r.pairId, r.version, r.authorId, r.action, r.oldText, r.newText, r.oldState, r.newState, r.comment, r.seconds,
      r.oldState === 30 || r.newState === 30, r.batchId ?? null, r.sourceChange ?? null]))!,
    history: (pairId: number) => rows<RevisionRow>(sql, `SELECT r.id, r.pair_id, r.version, u.name AS author, r.action, r.old_text, r.new_text,
        r.old_state, r.new_state, r.comment, r.seconds, r.created_at, b.kind AS batch_kind, r.source_change
      FROM revisions r LEFT JOIN users u ON u.id = r.author_id LEFT JOIN edit_batches b ON b.id = r.batch_id
      WHERE r.pair_id = $1 ORDER BY r.version DESC`, [pairId]),
    /** The text a pair had after one of its revisions; undefined when it has no such revision. */
    revisionText: (pairId: number, version: number) => one<string>(sql, `SELECT text FROM (
        SELECT new_text AS text, 0 AS pick FROM revisions WHERE pair_id = $1 AND version = $2
        UNION ALL SELECT old_text, 1 FROM revisions WHERE pair_id = $1 AND version = $2 + 1) t
      ORDER BY pick LIMIT 1`, [pairId, version]),
    untranslated: (documentId: number) => rows<{ id: number; version: number; src: string }>(sql, `SELECT p.id, p.version, ${SOURCE_TEXT} AS src
      FROM pairs p WHERE p.document_id = $1 AND p.noise = 0 AND p.state = 0 ORDER BY p.idx`, [documentId]),
    /** Fills an untranslated pair with a machine draft of `kind`, unless someone changed it meanwhile. */
    setMachineTranslation: async (id: number, version: number, text: string, kind: MtKind, editorId: number | null) =>
      (await run(sql, `${lockDocument('$3')} UPDATE pairs SET mt_text = $1, mt_kind = $5, tgt_text = $1, state = 10, version = version + 1,
        last_editor_id = $2, changed_at = now() WHERE id = $3 AND version = $4 AND state = 0 AND EXISTS (SELECT 1 FROM doc)`,
      [text, editorId, id, version, kind])).changes === 1,
  };
}
export type PairsRepo = ReturnType<typeof pairsRepo>;
