// Translation-memory fuzzy matching for Chinese: character edit similarity with a bigram index.

import { MAX_CELLS, tokenDistance } from './edit-distance.ts';

export interface MatchEntry<Id> {
  id: Id;
  src: string;
}

export interface Match<Id> {
  id: Id;
  similarity: number;
  /** The texts were too long to compare exactly: `similarity` is then a lower bound. */
  approximate: boolean;
}

/** Built once per memory by `buildMatchIndex` and passed to every `bestMatches` call. */
export interface MatchIndex<Id> {
  ids: Id[];
  /** Normalised code points of each entry. */
  chars: string[][];
  /** Bigram → entries containing it, each entry listed once. */
  postings: Map<string, number[]>;
  /** Normalised length → entries, for queries too short for bigrams to rule anything out. */
  byLength: Map<number, number[]>;
}

/** NFKC, without punctuation or whitespace, as code points so 𠀀 counts as one character. */
function normalise(text: string): string[] {
  return [...text.normalize('NFKC').replace(/[\p{P}\p{Z}\s]/gu, '')];
}

/** The text as the matcher compares it, as one string: two texts with the same key are a 100 % match. */
export function matchKey(text: string): string {
  return normalise(text).join('');
}

/** A similarity as the editor shows it, a whole percent: the match analysis bands by the same number. */
export function matchPercent(similarity: number): number {
  return Math.round(similarity * 100);
}

/** 1 − character edit distance / longer length; two empty texts are identical. */
export function similarity(a: string, b: string): number {
  return similarityOf(normalise(a), normalise(b)).similarity;
}

function similarityOf(a: string[], b: string[], maxCells = MAX_CELLS): { similarity: number; approximate: boolean; cells: number } {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return { similarity: 1, approximate: false, cells: 0 };
  const d = tokenDistance(a, b, maxCells);
  return { similarity: 1 - d.edits / longer, approximate: d.approximate, cells: d.cells };
}

/** Table cells one query may compute over all its candidates: about a tenth of a second. */
const QUERY_CELLS = 10 * MAX_CELLS;

function bigrams(chars: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

export function buildMatchIndex<Id>(entries: readonly MatchEntry<Id>[]): MatchIndex<Id> {
  const index: MatchIndex<Id> = { ids: [], chars: [], postings: new Map(), byLength: new Map() };
  entries.forEach(({ id, src }, k) => {
    const chars = normalise(src);
    index.ids.push(id);
    index.chars.push(chars);
    for (const gram of bigrams(chars)) {
      const list = index.postings.get(gram);
      if (list) list.push(k);
      else index.postings.set(gram, [k]);
    }
    const sameLength = index.byLength.get(chars.length);
    if (sameLength) sameLength.push(k);
    else index.byLength.set(chars.length, [k]);
  });
  return index;
}

/**
 * Entries at least `min` similar to the query, best first (ties in memory order), at most `limit`.
 * Exact, not approximate: an entry within d edits of the query shares at least
 * (distinct query bigrams − 2d) of them, since one edit touches at most two bigram positions,
 * so entries sharing fewer are skipped without computing their distance. Candidates are compared
 * most shared bigrams first within a budget of table cells; long texts compare approximately
 * (see `tokenDistance`), and candidates left when the budget is spent are not compared at all. Entries `skip`
 * refuses are left out before any comparison, so they spend none of the budget.
 */
export function bestMatches<Id>(
  query: string,
  memory: MatchIndex<Id> | readonly MatchEntry<Id>[],
  { min = 0.7, limit = 5, skip }: { min?: number; limit?: number; skip?: (id: Id) => boolean } = {},
): Match<Id>[] {
  const index = isIndex(memory) ? memory : buildMatchIndex(memory);
  const q = normalise(query);
  const grams = bigrams(q);
  const shared = new Map<number, number>();
  for (const gram of grams) {
    for (const k of index.postings.get(gram) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
  }
  // Edits allowed against an entry of length n while staying at or above `min`.
  const maxEdits = (n: number) => Math.floor((1 - min) * Math.max(q.length, n) + 1e-9);
  const candidates = new Set<number>();
  for (const [k, count] of shared) {
    const n = index.chars[k]!.length;
    if (Math.abs(n - q.length) <= maxEdits(n) && count >= grams.size - 2 * maxEdits(n)) candidates.add(k);
  }
  // Short queries: an entry sharing no bigram at all may still be close enough.
  const lo = Math.ceil(q.length * min - 1e-9);
  const hi = min > 0 ? Math.floor(q.length / min + 1e-9) : Infinity;
  for (const [n, ks] of index.byLength) {
    if (n < lo || n > hi || grams.size > 2 * maxEdits(n)) continue;
    for (const k of ks) candidates.add(k);
  }
  if (skip) for (const k of candidates) if (skip(index.ids[k]!)) candidates.delete(k);
  const found: (Match<Id> & { k: number })[] = [];
  let budget = QUERY_CELLS;
  for (const k of [...candidates].sort((x, y) => (shared.get(y) ?? 0) - (shared.get(x) ?? 0) || x - y)) {
    if (budget <= 0) break;
    const s = similarityOf(q, index.chars[k]!, Math.min(MAX_CELLS, budget));
    budget -= Math.max(1, s.cells);
    if (s.similarity >= min) found.push({ id: index.ids[k]!, similarity: s.similarity, approximate: s.approximate, k });
  }
  found.sort((a, b) => b.similarity - a.similarity || a.k - b.k);
  return found.slice(0, limit).map(({ id, similarity: s, approximate }) => ({ id, similarity: s, approximate }));
}

function isIndex<Id>(memory: MatchIndex<Id> | readonly MatchEntry<Id>[]): memory is MatchIndex<Id> {
  return !Array.isArray(memory);
}
