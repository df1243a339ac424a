// The document as a translator or reviewer works on it: rows with QA flags and edit distance, filters, progress, effort.

import type { Store } from '../db/store.ts';
import type { DocumentHeaderRow } from '../db/documents-repo.ts';
import { documentReads, type DocumentSummary, type PairView } from './documents.ts';
import { QA_CODES, textChecks, withLengthCheck, withSourceChange, type QaContext, type QaFlag } from '../domain/qa-checks.ts';
import { CellBudget, hter, type PostEditEffort } from '../domain/edit-distance.ts';
import { documentFigures } from './document-figures.ts';
import { documentRows } from './document-rows.ts';
import { inReadScope, type KeptGlossary, type ReadScope } from './read-scope.ts';
import { ValidationError } from '../domain/errors.ts';
import { ROW_STATES, rowState, type RowState } from '../domain/types.ts';

export type StateFilter = RowState;

export interface RowFilter {
  state?: StateFilter;
  qa?: QaFlag['code'] | 'any';
  /** `open`: only rows with an open thread that carries an error (what the quality score counts). */
  errors?: 'open';
  q?: string;
}

export interface WorkRow extends PairView {
  flags: QaFlag[];
  /** Word edit distance from the machine translation, per word of the current text (HTER); null with no MT (a gloss is none) or no text. */
  hter: number | null;
  /** The HTER is an estimate: the texts are too long and different to compare exactly. */
  hterApproximate: boolean;
}

export interface Progress {
  total: number;
  approved: number;
  translated: number;
  rejected: number;
  machine: number;
  gloss: number;
  untranslated: number;
}

// A value quoted back in a refusal is cut short: the sentence stays a sentence whatever the address holds.
const quoted = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** The filters of the address; a state or QA check that does not exist is refused (400), not ignored to list every row. */
export function parseFilter(query: Record<string, unknown>): RowFilter {
  const state = typeof query.state === 'string' && query.state ? query.state : undefined;
  if (state && !(ROW_STATES as readonly string[]).includes(state)) {
    throw new ValidationError(`Unknown state filter "${quoted(state)}".`, 'errors.badStateFilter', { value: quoted(state) });
  }
  const qa = typeof query.qa === 'string' && query.qa ? query.qa : undefined;
  if (qa && qa !== 'any' && !(QA_CODES as readonly string[]).includes(qa)) {
    throw new ValidationError(`Unknown QA filter "${quoted(qa)}".`, 'errors.badQaFilter', { value: quoted(qa) });
  }
  const errors = typeof query.errors === 'string' && query.errors ? query.errors : undefined;
  if (errors && errors !== 'open') {
    throw new ValidationError(`Unknown error filter "${quoted(errors)}".`, 'errors.badErrorsFilter', { value: quoted(errors) });
  }
  const q = typeof query.q === 'string' && query.q.trim() ? query.q.trim().slice(0, 200) : undefined;
  return {
    ...(state ? { state: state as StateFilter } : {}), ...(qa ? { qa: qa as RowFilter['qa'] } : {}),
    ...(errors ? { errors: 'open' as const } : {}), ...(q ? { q } : {}),
  };
}

const isFiltered = (f: RowFilter) => Boolean(f.state || f.qa || f.errors || f.q);

/** The pair ids with an open error, read only when the filter asks for them. */
export async function openErrorPairs(scope: ReadScope, documentId: number, f: RowFilter): Promise<ReadonlySet<number>> {
  return f.errors ? new Set((await scope.tx.comments.openErrors(documentId)).map((e) => e.pair_id)) : new Set();
}

/** Whether the page lists `row` under the filter `f`; `openErrors`: the pair ids with an open error (see openErrorPairs). */
export function matchesFilter(row: WorkRow, f: RowFilter, openErrors: ReadonlySet<number> = new Set()): boolean {
  if (f.state && (row.noise || rowState(row.state, row.mtKind) !== f.state)) return false;
  if (f.errors && !openErrors.has(row.id)) return false;
  if (f.qa && (f.qa === 'any' ? row.flags.length === 0 : !row.flags.some((x) => x.code === f.qa))) return false;
  if (f.q) {
    const needle = f.q.toLocaleLowerCase();
    if (!row.src.toLocaleLowerCase().includes(needle) && !row.tgt.toLocaleLowerCase().includes(needle)) return false;
  }
  return true;
}

// Flag by flag: the text checks' flags are the very objects kept, so only a new length flag is compared by value.
const sameFlag = (a: QaFlag, b: QaFlag) => a === b || (a.code === b.code && JSON.stringify(a.params) === JSON.stringify(b.params) && a.message === b.message);
const sameFlags = (a: QaFlag[], b: QaFlag[]) => a === b || (a.length === b.length && a.every((f, i) => sameFlag(f, b[i]!)));

// Object.assign, not spread: V8 spreads a row of this many fields ~20× slower, which a filtered view of a
// 40,000-row document paid on every row (0.4 s).
const workRow = (p: PairView, flags: QaFlag[], h: number | null, hterApproximate: boolean): WorkRow =>
  Object.assign({}, p, { flags, hter: h, hterApproximate });

// Enough rows for several long documents' pages; past it the memo starts again rather than grow.
const MEMO_LIMIT = 100_000;

export function workspace(store: Store) {
  const figures = documentFigures();
  const pages = documentRows();
  const keptGlossary: KeptGlossary = {};

  // A row's text checks and HTER depend on its texts (and the glossary) alone: kept until those change.
  const memo = new Map<number, { key: string; flags: QaFlag[]; hter: number | null; hterApproximate: boolean }>();
  function textFigures(p: PairView, glossaryKey: string, terms: QaContext['glossary'], budget: CellBudget) {
    const key = `${glossaryKey}\u0000${p.src}\u0000${p.tgt}\u0000${p.mt}\u0000${p.mtKind}`;
    const hit = memo.get(p.id);
    if (hit?.key === key) return hit;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    const h = p.mt && p.tgt && p.mtKind === 'mt' ? hter(p.mt, p.tgt, 'en', budget.next) : null;
    if (h) budget.spend(h);
    const fresh = { key, flags: textChecks({ src: p.src, tgt: p.tgt }, terms), hter: h?.value ?? null, hterApproximate: h?.approximate ?? false };
    memo.set(p.id, fresh);
    return fresh;
  }

  // The kept pages hand out the same row object until the row changes: its work row is reused while its
  // flags stay the same, so the row's rendered markup can be kept by identity (views/row-memo.ts).
  const workRows = new WeakMap<PairView, { glossaryKey: string; known: ReturnType<typeof textFigures>; row: WorkRow }>();

  // The kept glossary is the same array until it changes: its key is made once, not on every request.
  const glossaryKeys = new WeakMap<readonly unknown[], string>();
  // The last glossary key, so that rows made under it compare it by identity, not character by character.
  let lastGlossaryKey = '';
  async function enrich(scope: ReadScope, documentId: number, rows: PairView[]): Promise<WorkRow[]> {
    const terms = await scope.glossary();
    const fresh = glossaryKeys.get(terms) ?? glossaryKeys.set(terms, terms.map((t) => `${t.zh}\u0001${t.en}`).join('\u0002')).get(terms)!;
    const glossaryKey = fresh === lastGlossaryKey ? lastGlossaryKey : (lastGlossaryKey = fresh);
    const { norm } = await figures.of(scope, documentId);
    const budget = new CellBudget();
    return rows.map((p) => {
      const kept = workRows.get(p);
      if (p.noise) {
        if (kept) return kept.row;
        const row = workRow(p, [], null, false);
        workRows.set(p, { glossaryKey, known: { key: '', flags: [], hter: null, hterApproximate: false }, row });
        return row;
      }
      const known = kept?.glossaryKey === glossaryKey ? kept.known : textFigures(p, glossaryKey, terms, budget);
      const flags = withSourceChange(withLengthCheck(known.flags, p, norm), p.sourceChanged);
      if (kept && sameFlags(kept.row.flags, flags)) return kept.row;
      const row = workRow(p, flags, known.hter, known.hterApproximate);
      workRows.set(p, { glossaryKey, known, row });
      return row;
    });
  }

  // Each method reads in the scope it is given, so that a request asks all its caches in one read transaction.
  return {
    /** Runs `work` in one read transaction with a scope for this workspace's methods. */
    read: <T>(work: (scope: ReadScope) => T) => inReadScope(store, work, keptGlossary),

    /** A page of rows; unfiltered pages read only their rows, so long documents open fast; a filter reads the whole kept document. */
    async rows(scope: ReadScope, documentId: number, filter: RowFilter, offset: number, limit: number): Promise<WorkRow[]> {
      if (!isFiltered(filter)) return enrich(scope, documentId, await pages.page(scope, documentId, offset, limit));
      const openErrors = await openErrorPairs(scope, documentId, filter);
      return (await enrich(scope, documentId, await pages.all(scope, documentId))).filter((r) => matchesFilter(r, filter, openErrors)).slice(offset, offset + limit);
    },

    /**
     * The rows revised after the document's revision `since`, in document order; undefined when more than `limit`,
     * so a page that fell far behind is told to reload rather than sent the document.
     */
    async revisedRows(scope: ReadScope, documentId: number, since: number, limit: number): Promise<WorkRow[] | undefined> {
      const revised = await documentReads.revisedPairs(scope.tx, documentId, since, limit);
      return revised && enrich(scope, documentId, revised);
    },

    /** One row by its position in the document. */
    async row(scope: ReadScope, documentId: number, index: number): Promise<WorkRow> {
      return (await enrich(scope, documentId, await pages.page(scope, documentId, index, 1)))[0]!;
    },

    async overview(scope: ReadScope, documentId: number, header?: DocumentHeaderRow): Promise<{ doc: DocumentSummary; progress: Progress; effort: PostEditEffort }> {
      const { effort, counts } = await figures.of(scope, documentId);
      const doc = await documentReads.summary(scope.tx, documentId, counts, header);
      const progress: Progress = {
        total: doc.pairCount, approved: doc.counts.approved, translated: doc.counts.translated, rejected: doc.counts.rejected,
        machine: doc.counts.machine, gloss: doc.counts.gloss, untranslated: doc.counts.untranslated,
      };
      return { doc, progress, effort };
    },
  };
}
export type Workspace = ReturnType<typeof workspace>;
