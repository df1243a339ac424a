// Export and bilingual import on PostgreSQL (see documentTransferRepo in ../documents-repo.ts): pairs in pages, an
// XML-safety scan, and pairs saved with their own fields.

import type { ExportPairRow, KeptPair } from '../documents-repo.ts';
import { one, row, rows, type Sql } from './connect.ts';

// The C0 controls XML 1.0 refuses, and U+FFFE/U+FFFF, as one regular-expression class. (PostgreSQL text cannot hold NUL
// at all, so SQLite's separate scan for it has nothing to find here.)
const XML_UNSAFE_CLASS = `[${[...Array(32).keys()].filter((c) => c > 0 && c !== 9 && c !== 10 && c !== 13).concat(0xfffe, 0xffff)
  .map((c) => String.fromCharCode(c)).join('')}]`;

const jsonList = (column: string, from: string, order: string) => `(SELECT coalesce(json_agg(${column} ORDER BY ${order}), '[]')::text FROM ${from})`;

export function documentTransferRepo(sql: Sql) {
  return {
    structuredSource: (documentId: number) => row<{ id: number; name: string; content: string; structure: string }>(sql, `SELECT id, name, content, structure FROM sources
      WHERE document_id = $1 AND side = 'src' AND structure IS NOT NULL ORDER BY id LIMIT 1`, [documentId]),
    hasSource: async (documentId: number) => (await one<number>(sql, "SELECT 1 FROM sources WHERE document_id = $1 AND side = 'src' LIMIT 1", [documentId])) !== undefined,
    plainSources: (documentId: number) => rows<{ id: number; content: string }>(sql,
      "SELECT id, content FROM sources WHERE document_id = $1 AND side = 'src' ORDER BY id", [documentId]),
    sourceFormat: (documentId: number) => one<string>(sql,
      "SELECT format FROM sources WHERE document_id = $1 AND side = 'src' AND format IS NOT NULL ORDER BY id LIMIT 1", [documentId]),
    /** The document's pairs in order, each with its current English and where its Chinese starts in `sourceId`. */
    placedPairs: (documentId: number, sourceId: number | null) => rows<{ tgt: string; src_start: number | null; src: string | null }>(sql,
      `SELECT p.tgt_text AS tgt,
        (SELECT min(s.start_offset) FROM segments s WHERE s.pair_id = p.id AND s.side = 'src' AND s.source_id = $2) AS src_start,
        (SELECT string_agg(s.text, '' ORDER BY s.idx) FROM segments s WHERE s.pair_id = p.id AND s.side = 'src') AS src
      FROM pairs p WHERE p.document_id = $1 AND p.noise = 0 ORDER BY p.idx`, [documentId, sourceId]),
    /** The document's pairs in order, each with its English, its Chinese, and the plain text (first by id) holding it and where. */
    plainPlacedPairs: (documentId: number) => rows<{ tgt: string; src: string | null; source_id: number | null; src_start: number | null }>(sql,
      `SELECT x.tgt, x.src, x.source_id,
        (SELECT min(s.start_offset) FROM segments s WHERE s.pair_id = x.id AND s.side = 'src' AND s.source_id = x.source_id) AS src_start
      FROM (SELECT p.id, p.idx, p.tgt_text AS tgt,
          (SELECT min(s.source_id) FROM segments s WHERE s.pair_id = p.id AND s.side = 'src' AND s.start_offset IS NOT NULL) AS source_id,
          (SELECT string_agg(s.text, '' ORDER BY s.idx) FROM segments s WHERE s.pair_id = p.id AND s.side = 'src') AS src
        FROM pairs p WHERE p.document_id = $1 AND p.noise = 0) x
      ORDER BY x.idx`, [documentId]),
    /** Up to `limit` non-noise pairs in one of `states` after position `after`, in order (keyset pages). */
    exportPage: (documentId: number, states: readonly number[], after: number, limit: number) => rows<ExportPairRow>(sql, `SELECT p.idx, p.score, p.state,
        p.mt_text, p.mt_kind, p.tgt_text, p.version, u.name AS last_editor, p.changed_at, p.imported_state, p.imported_editor,
        ${jsonList('s.text', "segments s WHERE s.pair_id = p.id AND s.side = 'src'", 's.idx')} AS src_segments,
        ${jsonList('s.text', "segments s WHERE s.pair_id = p.id AND s.side = 'tgt'", 's.idx')} AS tgt_segments,
        ${jsonList('s.line_before', "segments s WHERE s.pair_id = p.id AND s.side = 'tgt'", 's.idx')} AS tgt_line_before,
        ${jsonList('c.body', 'comment_threads t JOIN thread_comments c ON c.thread_id = t.id WHERE t.pair_id = p.id', 't.id, c.id')} AS comments
      FROM pairs p LEFT JOIN users u ON u.id = p.last_editor_id
      WHERE p.document_id = $1 AND p.noise = 0 AND p.state = ANY($2::integer[]) AND p.idx > $3 ORDER BY p.idx LIMIT $4`, [documentId, states, after, limit]),
    /** How many pairs `exportPage` would give over all its pages: an export job's amount of work. */
    exportCount: async (documentId: number, states: readonly number[]) => (await one<number>(sql,
      'SELECT count(*) FROM pairs p WHERE p.document_id = $1 AND p.noise = 0 AND p.state = ANY($2::integer[])', [documentId, states]))!,
    lastChange: async (documentId: number) => (await one<string | null>(sql, 'SELECT max(changed_at) FROM pairs WHERE document_id = $1', [documentId])) ?? null,
    /** The idx of the first exported pair holding a character XML cannot carry, if any. */
    firstXmlUnsafePair: (documentId: number, states: readonly number[]) => one<number>(sql, `SELECT p.idx FROM pairs p
      WHERE p.document_id = $1 AND p.noise = 0 AND p.state = ANY($2::integer[]) AND (p.tgt_text ~ $3
        OR EXISTS (SELECT 1 FROM segments s WHERE s.pair_id = p.id AND s.text ~ $3)
        OR EXISTS (SELECT 1 FROM comment_threads t JOIN thread_comments c ON c.thread_id = t.id WHERE t.pair_id = p.id AND c.body ~ $3))
      ORDER BY p.idx LIMIT 1`, [documentId, states, XML_UNSAFE_CLASS]),
    insertDocument: async (d: { title: string; sourceName: string; createdBy: number | null; createdAt: string | null; shared?: boolean }) =>
      (await one<number>(sql, `INSERT INTO documents (title, src_lang, tgt_lang, source_name, created_by, created_at, shared)
        VALUES ($1, 'zh-CN', 'en', $2, $3, coalesce($4::timestamptz, now()), $5) RETURNING id`,
      [d.title, d.sourceName, d.createdBy, d.createdAt, d.shared === false ? 0 : 1]))!,
    async insertPair(documentId: number, p: KeptPair): Promise<number> {
      const pairId = (await one<number>(sql, `INSERT INTO pairs (document_id, idx, score, noise, state, mt_text, tgt_text, version, last_editor_id,
          changed_at, imported_state, imported_editor, mt_kind) VALUES ($1, $2, $3, 0, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [documentId, p.idx, p.score, p.state, p.mtText, p.tgtText, p.version, p.lastEditorId, p.changedAt, p.importedState, p.importedEditor, p.mtKind]))!;
      for (const s of p.segments) {
        await sql.query(`INSERT INTO segments (document_id, pair_id, source_id, side, idx, text, kind, paragraph, start_offset, end_offset, noise, meta,
            line_before) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, NULL, $11)`,
        [documentId, pairId, s.sourceId, s.side, s.idx, s.text, s.kind, s.paragraph, s.start, s.end, s.lineBefore ? 1 : 0]);
      }
      return pairId;
    },
  };
}
export type DocumentTransferRepo = ReturnType<typeof documentTransferRepo>;
