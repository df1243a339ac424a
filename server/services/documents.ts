// Use cases that read documents and their pairs for pages and the JSON API.

import type { Store, Tx } from '../db/store.ts';
import type { DocumentHeaderRow, DocumentSummaryRow, PairRow, SegmentRow } from '../db/documents-repo.ts';
import { joinSentences } from '../domain/assemble-pairs.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { MtKind, RowState } from '../domain/types.ts';

export interface DocumentSummary {
  id: number;
  title: string;
  srcLang: string;
  tgtLang: string;
  pageDate: string | null;
  createdAt: string;
  version: number;
  pairCount: number;
  noiseCount: number;
  srcSegmentCount: number;
  tgtSegmentCount: number;
  counts: StateCounts;
}

/** Pairs per state as the interface names them: gloss drafts apart from machine ones. */
export type StateCounts = Record<RowState, number>;

export interface PairView {
  id: number;
  index: number;
  src: string;
  tgt: string;
  mt: string;
  /** What wrote `mt`: machine translation, or the offline gloss (never counted as machine translation). */
  mtKind: MtKind;
  srcSegments: { id: number; index: number; text: string; kind: string; paragraph: number; start: number; end: number; meta: unknown }[];
  tgtSegments: { id: number; index: number; text: string; kind: string; paragraph: number; start: number; end: number; meta: unknown }[];
  score: number | null;
  state: number | null;
  version: number;
  noise: boolean;
  lastEditor: string | null;
  changedAt: string | null;
  editSeconds: number;
  /** The state and editor an imported file claimed, kept to be shown; the pair's own state never exceeds translated for it. */
  importedAs: ImportedClaim | null;
  /** The Chinese changed after the row was translated (a replacement on the Chinese side), until its English is saved again. */
  sourceChanged: boolean;
}

export interface ImportedClaim {
  state: number;
  editor: string | null;
}

export const toSummary = (r: DocumentSummaryRow): DocumentSummary => ({
  id: r.id, title: r.title, srcLang: r.src_lang, tgtLang: r.tgt_lang, pageDate: r.page_date, createdAt: r.created_at,
  version: r.version, pairCount: r.pair_count, noiseCount: r.noise_count,
  srcSegmentCount: r.src_segment_count, tgtSegmentCount: r.tgt_segment_count,
  counts: { untranslated: r.untranslated_count, gloss: r.gloss_count, machine: r.machine_count, translated: r.translated_count, rejected: r.rejected_count, approved: r.approved_count },
});

const toSegment = (s: SegmentRow) => ({
  id: s.id, index: s.idx, text: s.text, kind: s.kind, paragraph: s.paragraph, start: s.start_offset, end: s.end_offset,
  meta: s.meta ? JSON.parse(s.meta) : null,
});

function toPairView({ pair, segments }: { pair: PairRow; segments: SegmentRow[] }): PairView {
  const src = segments.filter((s) => s.side === 'src');
  const tgt = segments.filter((s) => s.side === 'tgt');
  return {
    id: pair.id, index: pair.idx,
    src: joinSentences(src.map((s) => s.text), 'zh'),
    tgt: pair.noise ? joinSentences(tgt.map((s) => s.text), 'en') : pair.tgt_text,
    mt: pair.mt_text, mtKind: pair.mt_kind,
    srcSegments: src.map(toSegment), tgtSegments: tgt.map(toSegment),
    score: pair.score, state: pair.state, version: pair.version, noise: pair.noise === 1,
    lastEditor: pair.last_editor, changedAt: pair.changed_at, editSeconds: pair.edit_seconds,
    importedAs: pair.imported_state === null ? null : { state: pair.imported_state, editor: pair.imported_editor },
    sourceChanged: pair.src_changed === 1,
  };
}

const noDocument = (id: number) => new NotFoundError(`There is no document ${id}.`, 'errors.noDocument', { id });

/** Reads of documents inside a transaction some use case holds. */
export const documentReads = {
  async get(tx: Tx, id: number): Promise<DocumentSummary> {
    const row = Number.isSafeInteger(id) ? await tx.documents.byId(id) : undefined;
    if (!row) throw noDocument(id);
    return toSummary(row);
  },
  /** The same as `get`, with counts the caller already keeps (see document-figures), and the header when it has read it. */
  async summary(tx: Tx, id: number, counts: Pick<DocumentSummary, 'pairCount' | 'noiseCount' | 'srcSegmentCount' | 'tgtSegmentCount' | 'counts'>,
    header?: DocumentHeaderRow): Promise<DocumentSummary> {
    const row = header ?? (Number.isSafeInteger(id) ? await tx.documents.header(id) : undefined);
    if (!row) throw noDocument(id);
    return {
      id: row.id, title: row.title, srcLang: row.src_lang, tgtLang: row.tgt_lang, pageDate: row.page_date, createdAt: row.created_at,
      version: row.version, ...counts, counts: { ...counts.counts },
    };
  },
  pairsByIds: async (tx: Tx, ids: number[]): Promise<PairView[]> => (await tx.documents.pairsByIds(ids)).map(toPairView),
  /** The pairs revised after the document's revision `since`; undefined when there are more than `limit`. */
  revisedPairs: async (tx: Tx, documentId: number, since: number, limit: number): Promise<PairView[] | undefined> =>
    (await tx.documents.revisedPairs(documentId, since, limit))?.map(toPairView),
  async pairs(tx: Tx, id: number, offset = 0, limit?: number): Promise<PairView[]> {
    if (!(await tx.documents.exists(id))) throw noDocument(id);
    return (await tx.documents.pairs(id, offset, limit)).map(toPairView);
  },
};

export function documents(store: Store) {
  return {
    count: (): Promise<number> => store.read((tx) => tx.documents.count()),
    get: (id: number): Promise<DocumentSummary> => store.read((tx) => documentReads.get(tx, id)),
    pairs: (id: number, offset = 0, limit?: number): Promise<PairView[]> => store.read((tx) => documentReads.pairs(tx, id, offset, limit)),
    /** Some pairs by id, in document order; ids that no longer exist are left out. */
    pairsByIds: (ids: number[]): Promise<PairView[]> => store.read((tx) => documentReads.pairsByIds(tx, ids)),
  };
}
export type Documents = ReturnType<typeof documents>;
