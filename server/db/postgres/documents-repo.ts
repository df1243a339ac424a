// SQL for documents, their imported sources, segments and pairs, on PostgreSQL (see ../documents-repo.ts).

import {
  SHELVES, WORKED, coversDocument, headSql, withActivity, withSegments, type DocumentHeadRow, type DocumentHeaderRow, type GenerationParts, type DocumentShelf, type NewPair, type PairFiguresRow, type PairRow,
  type SegmentRow, type SummarySqlRow,
} from '../documents-repo.ts';
import type { StoredStructure } from '../../domain/structured-text.ts';
import { columns, one, row, rows, type Sql } from './connect.ts';

// Counts grouped first (an index scan of migration 005's indexes), then spread into columns. `one` limits both scans to
// the document $1. Each activity time is one index seek; withActivity picks the newest.
function summarySql(one: boolean, shelf?: DocumentShelf): string {
  const and = one ? 'AND document_id = $1' : '';
  return `SELECT d.id, d.title, d.src_lang, d.tgt_lang, d.page_date, d.created_at, d.version,
      d.created_by AS owner_id, u.name AS owner, d.archived_at, d.trashed_at, d.changed_at,
      (SELECT max(r.created_at) FROM revisions r WHERE r.document_id = d.id) AS revised_at,
      (SELECT a.created_at FROM alignment_ops a WHERE a.document_id = d.id ORDER BY a.id DESC LIMIT 1) AS aligned_at,
      coalesce(p.pair_count, 0) AS pair_count, coalesce(p.noise_count, 0) AS noise_count,
      coalesce(s.src_segment_count, 0) AS src_segment_count, coalesce(s.tgt_segment_count, 0) AS tgt_segment_count,
      coalesce(p.untranslated_count, 0) AS untranslated_count, coalesce(p.machine_count, 0) AS machine_count, coalesce(p.gloss_count, 0) AS gloss_count,
      coalesce(p.translated_count, 0) AS translated_count, coalesce(p.rejected_count, 0) AS rejected_count,
      coalesce(p.approved_count, 0) AS approved_count
    FROM documents d LEFT JOIN users u ON u.id = d.created_by
    LEFT JOIN (SELECT document_id, sum(n) FILTER (WHERE noise = 0) AS pair_count, sum(n) FILTER (WHERE noise = 1) AS noise_count,
        sum(n) FILTER (WHERE state = 0) AS untranslated_count, sum(n) FILTER (WHERE state = 10 AND mt_kind = 'mt') AS machine_count,
        sum(n) FILTER (WHERE state = 10 AND mt_kind = 'gloss') AS gloss_count,
        sum(n) FILTER (WHERE state = 20) AS translated_count, sum(n) FILTER (WHERE state = 25) AS rejected_count,
        sum(n) FILTER (WHERE state = 30) AS approved_count
      FROM (SELECT document_id, noise, state, mt_kind, count(*) AS n FROM pairs WHERE true ${and} GROUP BY document_id, noise, state, mt_kind) g
      GROUP BY document_id) p ON p.document_id = d.id
    LEFT JOIN (SELECT document_id, sum(n) FILTER (WHERE side = 'src') AS src_segment_count, sum(n) FILTER (WHERE side = 'tgt') AS tgt_segment_count
      FROM (SELECT document_id, side, count(*) AS n FROM segments WHERE noise = 0 ${and} GROUP BY document_id, side) g
      GROUP BY document_id) s ON s.document_id = d.id
    ${one ? 'WHERE d.id = $1' : `WHERE ${SHELVES[shelf ?? 'active']} ORDER BY d.id`}`;
}

// See ../documents-repo.ts: `where.pairs` chooses the pairs (alias p), `where.segments` their sentences (alias s).
const figuresSql = (where: { pairs: string; segments: string }) => `SELECT p.id, p.noise, p.state, p.mt_kind, p.edit_seconds AS seconds,
    length(trim(p.tgt_text)) AS tgt_chars, CASE WHEN ${WORKED} THEN p.mt_text END AS mt, CASE WHEN ${WORKED} THEN p.tgt_text END AS tgt,
    coalesce(g.src_chars, 0) AS src_chars, coalesce(g.src_segments, 0) AS src_segments, coalesce(g.tgt_segments, 0) AS tgt_segments
  FROM pairs p LEFT JOIN (SELECT pair_id, sum(length(trim(text))) FILTER (WHERE side = 'src') AS src_chars,
      count(*) FILTER (WHERE side = 'src' AND noise = 0) AS src_segments, count(*) FILTER (WHERE side = 'tgt' AND noise = 0) AS tgt_segments
    FROM segments s WHERE ${where.segments} GROUP BY pair_id) g ON g.pair_id = p.id
  WHERE ${where.pairs}`;
const REVISED = 'IN (SELECT pair_id FROM revisions WHERE document_id = $1 AND doc_revision > $2)';

const PAIR_COLUMNS = `p.id, p.idx, p.score, p.noise, p.state, p.mt_text, p.mt_kind, p.tgt_text, p.version,
    u.name AS last_editor, p.changed_at, p.edit_seconds, p.imported_state, p.imported_editor, p.src_changed`;
const PAIR = `SELECT ${PAIR_COLUMNS} FROM pairs p LEFT JOIN users u ON u.id = p.last_editor_id`;
// Each pair with its sentences beside it as JSON (the columns of SEGMENT, in the same order): one round trip where
// two were, for the revised pairs nearly every read under many people saving asks for.
const PAIR_WITH_SEGMENTS = `SELECT ${PAIR_COLUMNS}, (SELECT coalesce(json_agg(json_build_object('id', s.id, 'pair_id', s.pair_id,
      'side', s.side, 'idx', s.idx, 'text', s.text, 'kind', s.kind, 'paragraph', s.paragraph, 'start_offset', s.start_offset,
      'end_offset', s.end_offset, 'noise', s.noise, 'meta', s.meta) ORDER BY s.side, s.idx), '[]') FROM segments s WHERE s.pair_id = p.id) AS segments
  FROM pairs p LEFT JOIN users u ON u.id = p.last_editor_id`;
const SEGMENT = 'SELECT s.id, s.pair_id, s.side, s.idx, s.text, s.kind, s.paragraph, s.start_offset, s.end_offset, s.noise, s.meta FROM segments s';


export function documentsRepo(sql: Sql) {
  return {
    /** The documents on one shelf (the working ones unless told), in the order they were imported. */
    list: async (shelf: DocumentShelf = 'active') => (await rows<SummarySqlRow>(sql, summarySql(false, shelf))).map(withActivity),
    /** One document, whichever shelf it is on. */
    async byId(id: number) {
      const found = await row<SummarySqlRow>(sql, summarySql(true), [id]);
      return found && withActivity(found);
    },
    exists: async (id: number) => (await one(sql, 'SELECT 1 FROM documents WHERE id = $1', [id])) === 1,
    header: (id: number) => row<DocumentHeaderRow>(sql, 'SELECT id, title, src_lang, tgt_lang, page_date, created_at, version FROM documents WHERE id = $1', [id]),
    /** See DocumentHeadRow: one round trip, the members as JSON beside the rest. */
    head: (id: number, userId: number | null) => row<DocumentHeadRow>(sql, `${headSql('$1', '$2::bigint')},
        (SELECT coalesce(json_agg(json_build_object('id', mu.id, 'name', mu.name, 'role', mu.role) ORDER BY mu.name COLLATE "C"), '[]')
          FROM document_members m JOIN users mu ON mu.id = m.user_id WHERE m.document_id = d.id) AS members
      FROM documents d LEFT JOIN users u ON u.id = d.created_by WHERE d.id = $1`, [id, userId]),
    // Purged documents count: a workbench whose trash was emptied is not a new one to put the demo in.
    count: async () => (await one<number>(sql, 'SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM purged_documents)'))!,
    /** `shared` false: only the creator, members and admins may open it. */
    insertDocument: async (d: { title: string; srcLang: string; tgtLang: string; sourceName: string | null; pageDate: string | null; createdBy: number | null; shared?: boolean }) =>
      (await one<number>(sql, `INSERT INTO documents (title, src_lang, tgt_lang, source_name, page_date, created_by, shared)
        VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [d.title, d.srcLang, d.tgtLang, d.sourceName, d.pageDate, d.createdBy, d.shared === false ? 0 : 1]))!,
    insertSource: async (documentId: number, side: 'src' | 'tgt', name: string, content: string, structure?: StoredStructure) =>
      (await one<number>(sql, 'INSERT INTO sources (document_id, side, name, content, format, structure) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [documentId, side, name, content, structure?.format ?? null, structure ? JSON.stringify(structure) : null]))!,
    /** Two statements whatever the size: the pairs, then every sentence under the id its pair received. */
    async insertPairs(documentId: number, pairs: NewPair[]) {
      if (!pairs.length) return;
      const inserted = await rows<{ id: number; idx: number }>(sql, `INSERT INTO pairs (document_id, idx, score, noise, state, mt_text, tgt_text)
        SELECT $1, * FROM unnest($2::integer[], $3::double precision[], $4::integer[], $5::integer[], $6::text[], $7::text[]) RETURNING id, idx`,
      [documentId, ...columns(pairs.map((p, idx) => ({ ...p, idx })),
        [(p) => p.idx, (p) => p.score, (p) => (p.noise ? 1 : 0), (p) => p.state, (p) => p.mtText, (p) => p.tgtText ?? p.mtText])]);
      const ids = new Map(inserted.map((r) => [r.idx, r.id]));
      const segments = pairs.flatMap((p, idx) => p.segments.map((s) => ({ ...s, pairId: ids.get(idx)! })));
      if (!segments.length) return;
      await sql.query(`INSERT INTO segments (document_id, pair_id, source_id, side, idx, text, kind, paragraph, start_offset, end_offset, noise, meta,
          line_before)
        SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::integer[], $6::text[], $7::text[], $8::integer[], $9::integer[],
          $10::integer[], $11::integer[], $12::text[], $13::integer[])`,
      [documentId, ...columns(segments, [(s) => s.pairId, (s) => s.sourceId, (s) => s.side, (s) => s.idx, (s) => s.text, (s) => s.kind,
        (s) => s.paragraph, (s) => s.start, (s) => s.end, (s) => (s.kind === 'noise' || s.kind === 'dateline' ? 1 : 0),
        (s) => (s.meta ? JSON.stringify(s.meta) : null), (s) => (s.lineBefore ? 1 : 0)])]);
    },
    /** See GenerationParts. */
    generationParts: async (id: number) => (await row<GenerationParts>(sql,
      `SELECT coalesce((SELECT revision FROM documents WHERE id = $1), 0) AS revision,
        (SELECT version FROM documents WHERE id = $1) AS version, (SELECT value FROM change_counters WHERE name = 'glossary') AS glossary`, [id]))!,
    figures: (documentId: number) => rows<PairFiguresRow>(sql, figuresSql({ pairs: 'p.document_id = $1', segments: 's.document_id = $1' }), [documentId]),
    revisedFigures: (documentId: number, since: number) =>
      rows<PairFiguresRow>(sql, figuresSql({ pairs: `p.id ${REVISED}`, segments: `s.pair_id ${REVISED}` }), [documentId, since]),
    /** Pairs with their segments; `idx` counts rows including noise rows, numbered 0..n-1 without gaps. */
    async pairs(documentId: number, offset = 0, limit = 1_000_000) {
      const found = await rows<PairRow>(sql, `${PAIR} WHERE p.document_id = $1 AND p.idx >= $2 ORDER BY p.idx LIMIT $3`, [documentId, offset, limit]);
      if (coversDocument(offset, limit, found)) {
        return withSegments(found, await rows<SegmentRow>(sql, `${SEGMENT} WHERE s.document_id = $1 ORDER BY s.side, s.idx`, [documentId]));
      }
      const first = found[0]?.idx ?? 0;
      const last = found.at(-1)?.idx ?? -1;
      return withSegments(found, await rows<SegmentRow>(sql, `${SEGMENT} JOIN pairs p ON p.id = s.pair_id
        WHERE p.document_id = $1 AND p.idx >= $2 AND p.idx < $3 ORDER BY s.side, s.idx`, [documentId, first, last + 1]));
    },
    /** See ../documents-repo.ts. */
    async revisedPairs(documentId: number, since: number, limit: number) {
      const found = await rows<PairRow & { segments: SegmentRow[] }>(sql, `${PAIR_WITH_SEGMENTS} WHERE p.id ${REVISED} ORDER BY p.idx LIMIT $3`,
        [documentId, since, limit + 1]);
      if (found.length > limit) return undefined;
      return found.map(({ segments, ...pair }) => ({ pair, segments }));
    },
    /** Some pairs with their segments, in document order. */
    pairsByIds: async (ids: number[]) => withSegments(
      await rows<PairRow>(sql, `${PAIR} WHERE p.id = ANY($1::bigint[]) ORDER BY p.idx`, [ids]),
      await rows<SegmentRow>(sql, `${SEGMENT} WHERE s.pair_id = ANY($1::bigint[]) ORDER BY s.side, s.idx`, [ids])),
  };
}
export type DocumentsRepo = ReturnType<typeof documentsRepo>;
