// The document as a translator or reviewer works on it: rows with QA flags and edit distance, filters, progress, effort.

import type { Db } from '../db/open-database.ts';
import { documentsRepo } from '../db/documents-repo.ts';
import { glossaryRepo } from '../db/glossary-repo.ts';
import { documents, type DocumentSummary, type PairView } from './documents.ts';
import { lengthNormOf, qaChecks, type QaContext, type QaFlag } from '../domain/qa-checks.ts';
import { hter, postEditEffort, type PostEditEffort } from '../domain/edit-distance.ts';
import { ValidationError } from '../domain/errors.ts';

export const STATE_FILTERS = { untranslated: [0], machine: [10], translated: [20], rejected: [25], approved: [30] } as const;
export type StateFilter = keyof typeof STATE_FILTERS;

export interface RowFilter {
  state?: StateFilter;
  qa?: QaFlag['code'] | 'any';
  q?: string;
}

export interface WorkRow extends PairView {
  flags: QaFlag[];
  /** Word edit distance from the machine translation, per word of the current text (HTER); null with no MT or no text. */
  hter: number | null;
}

export interface Progress {
  total: number;
  approved: number;
  translated: number;
  machine: number;
  untranslated: number;
}

export function parseFilter(query: Record<string, unknown>): RowFilter {
  const state = typeof query.state === 'string' && query.state ? query.state : undefined;
  if (state && !(state in STATE_FILTERS)) throw new ValidationError(`Unknown state filter "${state}".`, 'errors.badFilter');
  const qa = typeof query.qa === 'string' && query.qa ? query.qa : undefined;
  const q = typeof query.q === 'string' && query.q.trim() ? query.q.trim().slice(0, 200) : undefined;
  return { ...(state ? { state: state as StateFilter } : {}), ...(qa ? { qa: qa as RowFilter['qa'] } : {}), ...(q ? { q } : {}) };
}

const isFiltered = (f: RowFilter) => Boolean(f.state || f.qa || f.q);

export function workspace(db: Db) {
  const docs = documents(db);
  const repo = documentsRepo(db);
  const glossary = glossaryRepo(db);

  // The length norm reads every pair; it is kept until the document's text or alignment changes.
  const norms = new Map<number, { generation: string; norm: QaContext['lengthRatio'] }>();
  function context(documentId: number): QaContext {
    const generation = repo.generation(documentId);
    let cached = norms.get(documentId);
    if (cached?.generation !== generation) {
      cached = { generation, norm: lengthNormOf(repo.lengths(documentId)) };
      norms.set(documentId, cached);
    }
    return { glossary: glossary.list(), lengthRatio: cached.norm };
  }

  function enrich(rows: PairView[], ctx: QaContext): WorkRow[] {
    return rows.map((p) => ({
      ...p,
      flags: p.noise ? [] : qaChecks({ src: p.src, tgt: p.tgt }, ctx),
      hter: !p.noise && p.mt && p.tgt ? hter(p.mt, p.tgt, 'en') : null,
    }));
  }

  function matches(row: WorkRow, f: RowFilter): boolean {
    if (f.state && (row.noise || !(STATE_FILTERS[f.state] as readonly number[]).includes(row.state ?? -1))) return false;
    if (f.qa && (f.qa === 'any' ? row.flags.length === 0 : !row.flags.some((x) => x.code === f.qa))) return false;
    if (f.q) {
      const needle = f.q.toLocaleLowerCase();
      if (!row.src.toLocaleLowerCase().includes(needle) && !row.tgt.toLocaleLowerCase().includes(needle)) return false;
    }
    return true;
  }

  return {
    /** A page of rows; unfiltered pages come straight from SQL so long documents open fast. */
    rows(documentId: number, filter: RowFilter, offset: number, limit: number): WorkRow[] {
      const ctx = context(documentId);
      if (!isFiltered(filter)) return enrich(docs.pairs(documentId, offset, limit), ctx);
      return enrich(docs.pairs(documentId), ctx).filter((r) => matches(r, filter)).slice(offset, offset + limit);
    },

    /** One row by its position in the document. */
    row(documentId: number, index: number): WorkRow {
      return enrich(docs.pairs(documentId, index, 1), context(documentId))[0]!;
    },

    overview(documentId: number): { doc: DocumentSummary; progress: Progress; effort: PostEditEffort } {
      const doc = docs.get(documentId);
      const progress: Progress = {
        total: doc.pairCount, approved: doc.counts.approved, translated: doc.counts.translated,
        machine: doc.counts.machine, untranslated: doc.counts.untranslated,
      };
      const effort = postEditEffort(repo.worked(documentId));
      return { doc, progress, effort };
    },
  };
}
export type Workspace = ReturnType<typeof workspace>;
