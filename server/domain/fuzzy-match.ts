// Translation-memory fuzzy matching for Chinese: character edit similarity with a bigram index.

import { MAX_CELLS, codeDistance } from './edit-distance.ts';

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
  /** The same as numbers, which the edit distance compares without numbering them again. */
  codes: Int32Array[];
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

const codesOf = (chars: readonly string[]) => Int32Array.from(chars, (c) => c.codePointAt(0)!);

/** 1 − character edit distance / longer length; two empty texts are identical. */
export function similarity(a: string, b: string): number {
  return similarityOf(codesOf(normalise(a)), codesOf(normalise(b))).similarity;
}

function similarityOf(a: Int32Array, b: Int32Array, maxCells = MAX_CELLS): { similarity: number; approximate: boolean; cells: number } {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return { similarity: 1, approximate: false, cells: 0 };
  const d = codeDistance(a, b, maxCells);
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
  const index: MatchIndex<Id> = { ids: [], chars: [], codes: [], postings: new Map(), byLength: new Map() };
  entries.forEach(({ id, src }, k) => {
    const chars = normalise(src);
    index.ids.push(id);
    index.chars.push(chars);
    index.codes.push(codesOf(chars));
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

/** Per index, the shared-bigram count of each entry during one lookup: zero between lookups, so none allocates its own. */
const scratch = new WeakMap<MatchIndex<unknown>, Int32Array>();

/** Top similarities kept for pruning only for limits this small: a longer list (the editor asks for all) is not pruned. */
const PRUNED_LIMIT = 16;

/**
 * Entries at least `min` similar to the query, best first (ties in memory order), at most `limit`.
 * Exact, not approximate: an entry within d edits of the query shares at least
 * (distinct query bigrams − 2d) of them, since one edit touches at most two bigram positions,
 * so entries sharing fewer are skipped without computing their distance. Candidates are compared
 * most shared bigrams first within a budget of table cells; long texts compare approximately
 * (see `tokenDistance`), and candidates left when the budget is spent are not compared at all. Entries `skip`
 * refuses are left out before any comparison, so they spend none of the budget. With a small `limit`, a candidate
 * whose bound (by the bigrams it lacks and its length) is below the limit-th best found so far is not compared either.
 */
export function bestMatches<Id>(
  query: string,
  memory: MatchIndex<Id> | readonly MatchEntry<Id>[],
  { min = 0.7, limit = 5, skip }: { min?: number; limit?: number; skip?: (id: Id) => boolean } = {},
): Match<Id>[] {
  const index = isIndex(memory) ? memory : buildMatchIndex(memory);
  const q = normalise(query);
  const grams = bigrams(q);
  let counts = scratch.get(index);
  if (counts?.length !== index.ids.length) scratch.set(index, (counts = new Int32Array(index.ids.length)));
  const shared = counts;
  const touched: number[] = [];
  for (const gram of grams) {
    for (const k of index.postings.get(gram) ?? []) if (shared[k]!++ === 0) touched.push(k);
  }
  try {
    return compareCandidates(index, codesOf(q), grams.size, shared, touched, { min, limit, skip });
  } finally {
    for (const k of touched) shared[k] = 0;
  }
}

/** The comparisons of `bestMatches`, given each entry's count of the query's bigrams (`shared`, non-zero only for `touched`). */
function compareCandidates<Id>(
  index: MatchIndex<Id>, q: Int32Array, grams: number, shared: Int32Array, touched: readonly number[],
  { min, limit, skip }: { min: number; limit: number; skip?: (id: Id) => boolean },
): Match<Id>[] {
  // Edits allowed against an entry of length n while staying at or above `min`.
  const maxEdits = (n: number) => Math.floor((1 - min) * Math.max(q.length, n) + 1e-9);
  // Candidates by how many bigrams they share, each list in memory order.
  const byShared: number[][] = Array.from({ length: grams + 1 }, () => []);
  for (const k of touched) {
    const n = index.chars[k]!.length;
    const count = shared[k]!;
    if (Math.abs(n - q.length) <= maxEdits(n) && count >= grams - 2 * maxEdits(n)) {
      byShared[count]!.push(k);
      shared[k] = -count; // listed: not again below
    }
  }
  // Short queries: an entry sharing no bigram at all may still be close enough.
  const lo = Math.ceil(q.length * min - 1e-9);
  const hi = min > 0 ? Math.floor(q.length / min + 1e-9) : Infinity;
  for (const [n, ks] of index.byLength) {
    if (n < lo || n > hi || grams > 2 * maxEdits(n)) continue;
    for (const k of ks) if (shared[k]! >= 0) byShared[shared[k]!]!.push(k);
  }
  const found: (Match<Id> & { k: number })[] = [];
  const tops: number[] = [];
  let budget = QUERY_CELLS;
  compare: for (let count = grams; count >= 0; count--) {
    for (const k of byShared[count]!.sort((x, y) => x - y)) {
      if (budget <= 0) break compare;
      if (skip?.(index.ids[k]!)) continue;
      const chars = index.codes[k]!;
      if (tops.length === limit) {
        const longer = Math.max(q.length, chars.length);
        const fewest = Math.max(Math.abs(chars.length - q.length), Math.ceil((grams - count) / 2));
        if (longer > 0 && 1 - fewest / longer < tops[limit - 1]!) continue;
      }
      const s = similarityOf(q, chars, Math.min(MAX_CELLS, budget));
      budget -= Math.max(1, s.cells);
      if (s.similarity < min) continue;
      found.push({ id: index.ids[k]!, similarity: s.similarity, approximate: s.approximate, k });
      if (limit <= PRUNED_LIMIT) {
        const at = tops.findIndex((t) => t < s.similarity);
        tops.splice(at === -1 ? tops.length : at, 0, s.similarity);
        if (tops.length > limit) tops.pop();
      }
    }
  }
  found.sort((a, b) => b.similarity - a.similarity || a.k - b.k);
  return found.slice(0, limit).map(({ id, similarity: s, approximate }) => ({ id, similarity: s, approximate }));
}

function isIndex<Id>(memory: MatchIndex<Id> | readonly MatchEntry<Id>[]): memory is MatchIndex<Id> {
  return !Array.isArray(memory);
}
