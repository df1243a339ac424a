// SQL for documents, their imported sources, segments and pairs (beads).

import type { Statement } from 'better-sqlite3';
import type { Db } from './open-database.ts';
import type { DraftPair, DraftSegment } from '../domain/assemble-pairs.ts';
import type { StoredStructure } from '../domain/structured-text.ts';
import type { MtKind } from '../domain/types.ts';
import { MEMBERS_SQL, visibleTo, type MemberRow, type SharingRow } from './access-repo.ts';

export interface DocumentSummaryRow {
  id: number;
  title: string;
  src_lang: string;
  tgt_lang: string;
  page_date: string | null;
  created_at: string;
  version: number;
  pair_count: number;
  noise_count: number;
  src_segment_count: number;
  tgt_segment_count: number;
  untranslated_count: number;
  machine_count: number;
  /** Drafts of the offline gloss, counted apart from machine translation. */
  gloss_count: number;
  translated_count: number;
  rejected_count: number;
  approved_count: number;
  /** Who imported it (null from the command line or the demo). */
  owner_id: number | null;
  owner: string | null;
  archived_at: string | null;
  trashed_at: string | null;
  /** The newest of its import, its last rename, archiving or restore, its last pair revision and alignment edit. */
  last_activity_at: string;
}

/** Which documents a list shows: the working ones, the archived ones, or the trash. */
export type DocumentShelf = 'active' | 'archived' | 'trash';

export const SHELVES: Record<DocumentShelf, string> = {
  active: 'd.trashed_at IS NULL AND d.archived_at IS NULL',
  archived: 'd.trashed_at IS NULL AND d.archived_at IS NOT NULL',
  trash: 'd.trashed_at IS NOT NULL',
};

/**
 * A document's revision and version (null: no such document), which together change whenever a text or the alignment
 * does, and the glossary's change counter, read beside them so that a kept glossary costs no statement of its own.
 */
export interface GenerationParts {
  revision: number;
  version: number | null;
  glossary: number;
}

export type DocumentHeaderRow = Pick<DocumentSummaryRow, 'id' | 'title' | 'src_lang' | 'tgt_lang' | 'page_date' | 'created_at' | 'version'>;

/** What a document's page shows of the document beside its rows: its own columns, who may open it, its Chinese source's format. */
export interface DocumentHeadRow extends DocumentHeaderRow, SharingRow {
  /** In name order (code points). */
  members: MemberRow[];
  source_format: string | null;
}

/** SQL: the columns of DocumentHeadRow but `members`, of document @id (alias d) for user `user`. */
export const headSql = (id: string, user: string) => `SELECT d.id, d.title, d.src_lang, d.tgt_lang, d.page_date, d.created_at, d.version,
    d.shared, d.created_by AS owner_id, u.name AS owner, d.trashed_at, CASE WHEN ${visibleTo('d', user)} THEN 1 ELSE 0 END AS visible,
    (SELECT format FROM sources WHERE document_id = d.id AND side = 'src' AND format IS NOT NULL ORDER BY id LIMIT 1) AS source_format`;

export interface PairRow {
  id: number;
  idx: number;
  score: number | null;
  noise: 0 | 1;
  state: number | null;
  mt_text: string;
  mt_kind: MtKind;
  tgt_text: string;
  version: number;
  last_editor: string | null;
  changed_at: string | null;
  edit_seconds: number;
  /** What an imported file claimed for the pair (see import-file); null for a pair made here. */
  imported_state: number | null;
  imported_editor: string | null;
  /** 1 when the pair's Chinese changed after it was translated, until its English is saved again. */
  src_changed: 0 | 1;
}

export interface PairFiguresRow {
  id: number;
  noise: 0 | 1;
  state: number | null;
  mt_kind: MtKind;
  /** The texts of a pair someone worked on (state translated or above, with a machine translation, not a gloss); null otherwise. */
  mt: string | null;
  tgt: string | null;
  seconds: number;
  tgt_chars: number;
  src_chars: number;
  /** Sentences that are not page noise, per side. */
  src_segments: number;
  tgt_segments: number;
}

export interface SegmentRow {
  id: number;
  pair_id: number;
  side: 'src' | 'tgt';
  idx: number;
  text: string;
  kind: string;
  paragraph: number;
  start_offset: number;
  end_offset: number;
  noise: 0 | 1;
  meta: string | null;
}

/** A drafted segment once its source text has a row id. */
export type NewSegment = Omit<DraftSegment, 'source'> & { sourceId: number };
export type NewPair = Omit<DraftPair, 'segments'> & { segments: NewSegment[] };

// Counts from the covering indexes of migration 005: group first (an index scan, no row reads), then
// spread the few groups into columns. `one` limits both scans to a single document.
function summarySql(one: boolean, shelf?: DocumentShelf): string {
  const and = one ? 'AND document_id = @id' : '';
  // Each activity time is one index seek (revisions_document_time, alignment_ops_document); the newest of them
  // is picked in TypeScript, as SQLite's max(a, b) and PostgreSQL's greatest(a, b) differ.
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
    LEFT JOIN (SELECT document_id, sum(n * (noise = 0)) AS pair_count, sum(n * (noise = 1)) AS noise_count,
        sum(n * (state = 0)) AS untranslated_count, sum(n * (state = 10 AND mt_kind = 'mt')) AS machine_count, sum(n * (state = 10 AND mt_kind = 'gloss')) AS gloss_count,
        sum(n * (state = 20)) AS translated_count, sum(n * (state = 25)) AS rejected_count, sum(n * (state = 30)) AS approved_count
      FROM (SELECT document_id, noise, state, mt_kind, count(*) AS n FROM pairs WHERE 1 ${and} GROUP BY document_id, noise, state, mt_kind)
      GROUP BY document_id) p ON p.document_id = d.id
    LEFT JOIN (SELECT document_id, sum(n * (side = 'src')) AS src_segment_count, sum(n * (side = 'tgt')) AS tgt_segment_count
      FROM (SELECT document_id, side, count(*) AS n FROM segments WHERE noise = 0 ${and} GROUP BY document_id, side)
      GROUP BY document_id) s ON s.document_id = d.id
    ${one ? 'WHERE d.id = @id' : `WHERE ${SHELVES[shelf ?? 'active']} ORDER BY d.id`}`;
}

export type SummarySqlRow = Omit<DocumentSummaryRow, 'last_activity_at'> & { changed_at: string | null; revised_at: string | null; aligned_at: string | null };

export function withActivity({ changed_at, revised_at, aligned_at, ...row }: SummarySqlRow): DocumentSummaryRow {
  const times = [row.created_at, changed_at, revised_at, aligned_at].filter((t): t is string => t !== null);
  return { ...row, last_activity_at: times.reduce((a, b) => (b > a ? b : a)) };
}

// SQLite gives a new row the highest id plus one, which after a purge may be a purged document's: the next id
// is counted past the purged ones too (see migration 017).
const NEXT_DOCUMENT_ID = '(SELECT coalesce(max(id), 0) + 1 FROM (SELECT max(id) AS id FROM documents UNION ALL SELECT max(id) FROM purged_documents) ids)';

// Post-editing effort is measured against machine translation only: a gloss is no machine output to measure by.
export const WORKED = "p.state >= 20 AND p.mt_text != '' AND p.mt_kind = 'mt'";
// What document-figures needs of the pairs `where.pairs` chooses (alias p); `where.segments` (alias s) must
// choose their sentences, so that a refresh groups only those instead of the whole document's.
const figuresSql = (where: { pairs: string; segments: string }) => `SELECT p.id, p.noise, p.state, p.mt_kind, p.edit_seconds AS seconds, length(trim(p.tgt_text)) AS tgt_chars,
    CASE WHEN ${WORKED} THEN p.mt_text END AS mt, CASE WHEN ${WORKED} THEN p.tgt_text END AS tgt,
    coalesce(g.src_chars, 0) AS src_chars, coalesce(g.src_segments, 0) AS src_segments, coalesce(g.tgt_segments, 0) AS tgt_segments
  FROM pairs p LEFT JOIN (SELECT pair_id, sum(CASE WHEN side = 'src' THEN length(trim(text)) ELSE 0 END) AS src_chars,
      sum(side = 'src' AND noise = 0) AS src_segments, sum(side = 'tgt' AND noise = 0) AS tgt_segments
    FROM segments s WHERE ${where.segments} GROUP BY pair_id) g ON g.pair_id = p.id
  WHERE ${where.pairs}`;
// The revised pairs by their ids (primary key, segments_pair), not by scanning the document for them.
const REVISED = 'IN (SELECT pair_id FROM revisions WHERE document_id = @doc AND doc_revision > @since)';

const PAIR = `SELECT p.id, p.idx, p.score, p.noise, p.state, p.mt_text, p.mt_kind, p.tgt_text, p.version,
    u.name AS last_editor, p.changed_at, p.edit_seconds, p.imported_state, p.imported_editor, p.src_changed
  FROM pairs p LEFT JOIN users u ON u.id = p.last_editor_id`;
const SEGMENT = 'SELECT s.id, s.pair_id, s.side, s.idx, s.text, s.kind, s.paragraph, s.start_offset, s.end_offset, s.noise, s.meta FROM segments s';

export function documentsRepo(db: Db) {
  const q = {
    list: Object.fromEntries((Object.keys(SHELVES) as DocumentShelf[]).map((shelf) => [shelf, db.prepare(summarySql(false, shelf))])) as Record<DocumentShelf, Statement>,
    byId: db.prepare(summarySql(true)),
    exists: db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck(),
    header: db.prepare('SELECT id, title, src_lang, tgt_lang, page_date, created_at, version FROM documents WHERE id = ?'),
    head: db.prepare(`${headSql('@id', '@user')} FROM documents d LEFT JOIN users u ON u.id = d.created_by WHERE d.id = @id`),
    members: db.prepare(MEMBERS_SQL),
    // Purged documents count: a workbench whose trash was emptied is not a new one to put the demo in.
    count: db.prepare('SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM purged_documents)').pluck(),
    insertDocument: db.prepare(
      `INSERT INTO documents (id, title, src_lang, tgt_lang, source_name, page_date, created_by, shared) VALUES (${NEXT_DOCUMENT_ID}, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertSource: db.prepare('INSERT INTO sources (document_id, side, name, content, format, structure) VALUES (?, ?, ?, ?, ?, ?)'),
    insertPair: db.prepare(
      'INSERT INTO pairs (document_id, idx, score, noise, state, mt_text, tgt_text) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    insertSegment: db.prepare(`INSERT INTO segments
      (document_id, pair_id, source_id, side, idx, text, kind, paragraph, start_offset, end_offset, noise, meta, line_before)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    pairs: db.prepare(`${PAIR} WHERE p.document_id = ? AND p.idx >= ? ORDER BY p.idx LIMIT ?`),
    generationParts: db.prepare(`SELECT coalesce((SELECT revision FROM documents WHERE id = @id), 0) AS revision,
      (SELECT version FROM documents WHERE id = @id) AS version, (SELECT value FROM change_counters WHERE name = 'glossary') AS glossary`),
    // SQLite's length() counts characters, as the QA length norm does. Texts only for the pairs a person
    // worked on (their effort needs them); for the rest their lengths are enough.
    figures: db.prepare(figuresSql({ pairs: 'p.document_id = @doc', segments: 's.document_id = @doc' })),
    revisedFigures: db.prepare(figuresSql({ pairs: `p.id ${REVISED}`, segments: `s.pair_id ${REVISED}` })),
    segments: db.prepare(`${SEGMENT} JOIN pairs p ON p.id = s.pair_id
      WHERE p.document_id = ? AND p.idx >= ? AND p.idx < ? ORDER BY s.side, s.idx`),
    segmentsOfDocument: db.prepare(`${SEGMENT} WHERE s.document_id = ? ORDER BY s.side, s.idx`),
    revisedPairs: db.prepare(`${PAIR} WHERE p.id ${REVISED} ORDER BY p.idx LIMIT @limit`),
    pairsByIds: db.prepare(`${PAIR} WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.idx`),
    segmentsOfPairs: db.prepare(`${SEGMENT} WHERE s.pair_id IN (SELECT value FROM json_each(?)) ORDER BY s.side, s.idx`),
  };
  return {
    /** The documents on one shelf (the working ones unless told), in the order they were imported. */
    list: (shelf: DocumentShelf = 'active') => (q.list[shelf].all() as SummarySqlRow[]).map(withActivity),
    /** One document, whichever shelf it is on. */
    byId(id: number) {
      const row = q.byId.get({ id }) as SummarySqlRow | undefined;
      return row && withActivity(row);
    },
    exists: (id: number) => q.exists.get(id) === 1,
    /** The document's own columns, without the counts. */
    header: (id: number) => q.header.get(id) as DocumentHeaderRow | undefined,
    /** See DocumentHeadRow; `userId` null: the command line. */
    head(id: number, userId: number | null): DocumentHeadRow | undefined {
      const found = q.head.get({ id, user: userId }) as Omit<DocumentHeadRow, 'members'> | undefined;
      return found && { ...found, members: q.members.all(id) as MemberRow[] };
    },
    count: () => q.count.get() as number,
    /** `shared` false: only the creator, members and admins may open it. */
    insertDocument(d: { title: string; srcLang: string; tgtLang: string; sourceName: string | null; pageDate: string | null; createdBy: number | null; shared?: boolean }) {
      return Number(q.insertDocument.run(d.title, d.srcLang, d.tgtLang, d.sourceName, d.pageDate, d.createdBy, d.shared === false ? 0 : 1).lastInsertRowid);
    },
    /** `structure`: the blocks of a structured file, kept so the translated document can be rebuilt. */
    insertSource: (documentId: number, side: 'src' | 'tgt', name: string, content: string, structure?: StoredStructure) =>
      Number(q.insertSource.run(documentId, side, name, content, structure?.format ?? null, structure ? JSON.stringify(structure) : null).lastInsertRowid),
    insertPairs(documentId: number, pairs: NewPair[]) {
      pairs.forEach((p, idx) => {
        const tgtText = p.tgtText ?? p.mtText;
        const pairId = Number(
          q.insertPair.run(documentId, idx, p.score, p.noise ? 1 : 0, p.state, p.mtText, tgtText).lastInsertRowid,
        );
        for (const s of p.segments) {
          q.insertSegment.run(documentId, pairId, s.sourceId, s.side, s.idx, s.text, s.kind, s.paragraph, s.start, s.end,
            s.kind === 'noise' || s.kind === 'dateline' ? 1 : 0, s.meta ? JSON.stringify(s.meta) : null, s.lineBefore ? 1 : 0);
        }
      });
    },
    /** See GenerationParts. */
    generationParts: (id: number) => q.generationParts.get({ id }) as GenerationParts,
    /** What the document-wide figures (length norm, effort) need of every pair. */
    figures: (documentId: number) => q.figures.all({ doc: documentId }) as PairFiguresRow[],
    /** The same for the pairs revised after the document's revision `since`. */
    revisedFigures: (documentId: number, since: number) => q.revisedFigures.all({ doc: documentId, since }) as PairFiguresRow[],
    /**
     * Pairs with their segments; `idx` counts rows including noise rows. Rows are numbered 0..n-1 without gaps
     * (the alignment tests hold every edit to that), so the offset is an index seek rather than a scan past `offset` rows.
     */
    pairs(documentId: number, offset = 0, limit = 1_000_000) {
      const rows = q.pairs.all(documentId, offset, limit) as PairRow[];
      if (coversDocument(offset, limit, rows)) return withSegments(rows, q.segmentsOfDocument.all(documentId) as SegmentRow[]);
      const first = rows[0]?.idx ?? 0;
      const last = rows.at(-1)?.idx ?? -1;
      return withSegments(rows, q.segments.all(documentId, first, last + 1) as SegmentRow[]);
    },
    /** The pairs revised after the document's revision `since`, with their segments; undefined when more than `limit`. */
    revisedPairs(documentId: number, since: number, limit: number) {
      const found = q.revisedPairs.all({ doc: documentId, since, limit: limit + 1 }) as PairRow[];
      if (found.length > limit) return undefined;
      return withSegments(found, found.length ? q.segmentsOfPairs.all(JSON.stringify(found.map((p) => p.id))) as SegmentRow[] : []);
    },
    /** Some pairs with their segments, in document order. */
    pairsByIds(ids: number[]) {
      const json = JSON.stringify(ids);
      return withSegments(q.pairsByIds.all(json) as PairRow[], q.segmentsOfPairs.all(json) as SegmentRow[]);
    },
  };
}
export type DocumentsRepo = ReturnType<typeof documentsRepo>;

/** Each pair with its segments, which come in the order the pair keeps them. */
export function withSegments(pairs: PairRow[], segments: SegmentRow[]) {
  const byPair = new Map<number, SegmentRow[]>();
  for (const s of segments) {
    const list = byPair.get(s.pair_id);
    if (list) list.push(s);
    else byPair.set(s.pair_id, [s]);
  }
  return pairs.map((pair) => ({ pair, segments: byPair.get(pair.id) ?? [] }));
}

/**
 * Whether a page of pairs from `offset` is the whole document: then its segments are read by their document,
 * a third cheaper than joining every one to its pair (a filtered view reads all 40,000 rows of a long document).
 */
export const coversDocument = (offset: number, limit: number, rows: PairRow[]) => offset === 0 && rows.length < limit;

/** A pair as exported: its row, its sentences per side and the comments of its threads, thread by thread. */
export interface ExportPairRow {
  idx: number;
  score: number | null;
  state: number;
  mt_text: string;
  mt_kind: MtKind;
  tgt_text: string;
  version: number;
  last_editor: string | null;
  changed_at: string | null;
  imported_state: number | null;
  imported_editor: string | null;
  /** JSON arrays of strings. */
  src_segments: string;
  tgt_segments: string;
  /** JSON array of 0 or 1, one for each of `tgt_segments`: a line break stands before that sentence. */
  tgt_line_before: string;
  comments: string;
}

/** A pair read from a bilingual file, saved as it is: no aligning, its own target, state and history. */
export interface KeptPair {
  idx: number;
  score: number | null;
  state: number;
  mtText: string;
  mtKind: MtKind;
  tgtText: string;
  version: number;
  lastEditorId: number | null;
  changedAt: string | null;
  importedState: number | null;
  importedEditor: string | null;
  segments: NewSegment[];
}

// The C0 controls XML 1.0 refuses (bar NUL, which cannot sit in a GLOB set), and U+FFFE/U+FFFF.
const XML_UNSAFE_CODES = [...Array(32).keys()].filter((c) => c > 0 && c !== 9 && c !== 10 && c !== 13).concat(0xfffe, 0xffff);
// SQLite's GLOB compares whole characters, so one set matches any of them anywhere in a text.
const XML_UNSAFE = (column: string) =>
  `(${column} GLOB '*[' || char(${XML_UNSAFE_CODES.join(', ')}) || ']*' OR instr(${column}, char(0)) > 0)`;

/** Export and bilingual import: pairs in pages, an XML-safety scan, and pairs saved with their own fields. */
export function documentTransferRepo(db: Db) {
  const q = {
    // Keyset pages: a cursor left open across awaits would hold a transaction (and on SQLite every write) open.
    page: db.prepare(`SELECT p.idx, p.score, p.state, p.mt_text, p.mt_kind, p.tgt_text, p.version, u.name AS last_editor, p.changed_at,
        p.imported_state, p.imported_editor,
        (SELECT json_group_array(text) FROM (SELECT text FROM segments s WHERE s.pair_id = p.id AND s.side = 'src' ORDER BY s.idx)) AS src_segments,
        (SELECT json_group_array(text) FROM (SELECT text FROM segments s WHERE s.pair_id = p.id AND s.side = 'tgt' ORDER BY s.idx)) AS tgt_segments,
        (SELECT json_group_array(line_before) FROM (SELECT line_before FROM segments s WHERE s.pair_id = p.id AND s.side = 'tgt' ORDER BY s.idx)) AS tgt_line_before,
        (SELECT json_group_array(body) FROM (SELECT c.body FROM comment_threads t JOIN thread_comments c ON c.thread_id = t.id
          WHERE t.pair_id = p.id ORDER BY t.id, c.id)) AS comments
      FROM pairs p LEFT JOIN users u ON u.id = p.last_editor_id
      WHERE p.document_id = ? AND p.noise = 0 AND p.state IN (SELECT value FROM json_each(?)) AND p.idx > ? ORDER BY p.idx LIMIT ?`),
    lastChange: db.prepare('SELECT max(changed_at) FROM pairs WHERE document_id = ?').pluck(),
    exportCount: db.prepare('SELECT count(*) FROM pairs p WHERE p.document_id = ? AND p.noise = 0 AND p.state IN (SELECT value FROM json_each(?))').pluck(),
    xmlUnsafe: db.prepare(`SELECT p.idx FROM pairs p WHERE p.document_id = ? AND p.noise = 0 AND p.state IN (SELECT value FROM json_each(?)) AND (
        ${XML_UNSAFE('p.tgt_text')}
        OR EXISTS (SELECT 1 FROM segments s WHERE s.pair_id = p.id AND ${XML_UNSAFE('s.text')})
        OR EXISTS (SELECT 1 FROM comment_threads t JOIN thread_comments c ON c.thread_id = t.id WHERE t.pair_id = p.id AND ${XML_UNSAFE('c.body')}))
      ORDER BY p.idx LIMIT 1`).pluck(),
    insertDocument: db.prepare(`INSERT INTO documents (id, title, src_lang, tgt_lang, source_name, created_by, created_at, shared)
      VALUES (${NEXT_DOCUMENT_ID}, ?, 'zh-CN', 'en', ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), ?)`),
    insertPair: db.prepare(`INSERT INTO pairs (document_id, idx, score, noise, state, mt_text, mt_kind, tgt_text, version, last_editor_id, changed_at,
        imported_state, imported_editor) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertSegment: db.prepare(`INSERT INTO segments
      (document_id, pair_id, source_id, side, idx, text, kind, paragraph, start_offset, end_offset, noise, meta, line_before)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?)`),
    structuredSource: db.prepare(`SELECT id, name, content, structure FROM sources
      WHERE document_id = ? AND side = 'src' AND structure IS NOT NULL ORDER BY id LIMIT 1`),
    sourceFormat: db.prepare(`SELECT format FROM sources WHERE document_id = ? AND side = 'src' AND format IS NOT NULL ORDER BY id LIMIT 1`).pluck(),
    plainSources: db.prepare(`SELECT id, content FROM sources WHERE document_id = ? AND side = 'src' ORDER BY id`),
    hasSource: db.prepare(`SELECT 1 FROM sources WHERE document_id = ? AND side = 'src' LIMIT 1`).pluck(),
    // Every pair that is not noise, with where its Chinese starts in `source` (NULL when it has none there).
    placedPairs: db.prepare(`SELECT p.tgt_text AS tgt,
        (SELECT min(s.start_offset) FROM segments s WHERE s.pair_id = p.id AND s.side = 'src' AND s.source_id = @source) AS src_start,
        (SELECT group_concat(text, '') FROM (SELECT text FROM segments s WHERE s.pair_id = p.id AND s.side = 'src' ORDER BY s.idx)) AS src
      FROM pairs p WHERE p.document_id = @doc AND p.noise = 0 ORDER BY p.idx`),
    // The same for a document of several plain texts at once: the first text (by id) holding each pair's Chinese.
    plainPlacedPairs: db.prepare(`SELECT x.tgt, x.src, x.source_id,
        (SELECT min(s.start_offset) FROM segments s WHERE s.pair_id = x.id AND s.side = 'src' AND s.source_id = x.source_id) AS src_start
      FROM (SELECT p.id, p.idx, p.tgt_text AS tgt,
          (SELECT min(s.source_id) FROM segments s WHERE s.pair_id = p.id AND s.side = 'src' AND s.start_offset IS NOT NULL) AS source_id,
          (SELECT group_concat(text, '') FROM (SELECT text FROM segments s WHERE s.pair_id = p.id AND s.side = 'src' ORDER BY s.idx)) AS src
        FROM pairs p WHERE p.document_id = ? AND p.noise = 0) x
      ORDER BY x.idx`),
  };
  return {
    /** The Chinese source's structure, for a document imported from a structured file. */
    structuredSource: (documentId: number) => q.structuredSource.get(documentId) as { id: number; name: string; content: string; structure: string } | undefined,
    /** The document's Chinese texts in the order imported (plain texts, or a bilingual file's laid out one unit a line). */
    plainSources: (documentId: number) => q.plainSources.all(documentId) as { id: number; content: string }[],
    /** Whether the document has a Chinese text at all, without reading it (a HEAD request's question). */
    hasSource: (documentId: number) => q.hasSource.get(documentId) !== undefined,
    /** The format of the document's structured Chinese source, or undefined for a plain text or bilingual file. */
    sourceFormat: (documentId: number) => q.sourceFormat.get(documentId) as string | undefined,
    /** The document's pairs in order, each with its current English and where its Chinese starts in `sourceId`. */
    placedPairs: (documentId: number, sourceId: number | null) =>
      q.placedPairs.all({ doc: documentId, source: sourceId }) as { tgt: string; src_start: number | null; src: string | null }[],
    /**
     * The document's pairs in order, each with its current English, its Chinese, and the plain text that holds it (the
     * first by id) with where it starts there: one statement however many Chinese texts the document was made of.
     */
    plainPlacedPairs: (documentId: number) =>
      q.plainPlacedPairs.all(documentId) as { tgt: string; src: string | null; source_id: number | null; src_start: number | null }[],
    /**
     * Up to `limit` non-noise pairs in one of `states` after position `after`, in order: an export reads
     * page after page, each in its own short read, so no transaction stays open while a slow client downloads.
     */
    exportPage: (documentId: number, states: readonly number[], after: number, limit: number) =>
      q.page.all(documentId, JSON.stringify(states), after, limit) as ExportPairRow[],
    lastChange: (documentId: number) => q.lastChange.get(documentId) as string | null,
    /** How many pairs `exportPage` would give over all its pages: an export job's amount of work. */
    exportCount: (documentId: number, states: readonly number[]) => q.exportCount.get(documentId, JSON.stringify(states)) as number,
    /** The idx of the first exported pair holding a character XML cannot carry, if any. */
    firstXmlUnsafePair: (documentId: number, states: readonly number[]) => q.xmlUnsafe.get(documentId, JSON.stringify(states)) as number | undefined,
    insertDocument: (d: { title: string; sourceName: string; createdBy: number | null; createdAt: string | null; shared?: boolean }) =>
      Number(q.insertDocument.run(d.title, d.sourceName, d.createdBy, d.createdAt, d.shared === false ? 0 : 1).lastInsertRowid),
    insertPair(documentId: number, p: KeptPair): number {
      const pairId = Number(q.insertPair.run(documentId, p.idx, p.score, p.state, p.mtText, p.mtKind, p.tgtText, p.version, p.lastEditorId, p.changedAt,
        p.importedState, p.importedEditor)
        .lastInsertRowid);
      for (const s of p.segments) {
        q.insertSegment.run(documentId, pairId, s.sourceId, s.side, s.idx, s.text, s.kind, s.paragraph, s.start, s.end, s.lineBefore ? 1 : 0);
      }
      return pairId;
    },
  };
}
export type DocumentTransferRepo = ReturnType<typeof documentTransferRepo>;
