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
  /** The same as numbers, one per distinct character of the memory, which the edit distance compares as they are. */
  codes: Int32Array[];
  /** Character → its number in `codes`. */
  alphabet: Map<string, number>;
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

/**
 * Characters as numbers from `alphabet`, adding the new ones to it; with `grow` false a character it lacks gets a number
 * past it instead (the same one each time it recurs), which no entry's character has.
 */
function codesOf(chars: readonly string[], alphabet: Map<string, number>, grow = true): Int32Array {
  const extra = new Map<string, number>();
  return Int32Array.from(chars, (c) => {
    let code = alphabet.get(c) ?? extra.get(c);
    if (code === undefined) {
      code = alphabet.size + extra.size;
      (grow ? alphabet : extra).set(c, code);
    }
    return code;
  });
}

/** 1 − character edit distance / longer length; two empty texts are identical. */
export function similarity(a: string, b: string): number {
  const alphabet = new Map<string, number>();
  return similarityOf(codesOf(normalise(a), alphabet), codesOf(normalise(b), alphabet)).similarity;
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
  const index: MatchIndex<Id> = { ids: [], chars: [], codes: [], alphabet: new Map(), postings: new Map(), byLength: new Map() };
  entries.forEach(({ id, src }, k) => {
    const chars = normalise(src);
    index.ids.push(id);
    index.chars.push(chars);
    index.codes.push(codesOf(chars, index.alphabet));
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
 * Per index, during one lookup: the shared-bigram count of each entry, and how many of each character the query has
 * (for its bag bound); zero between lookups, so none allocates its own.
 */
const scratch = new WeakMap<MatchIndex<unknown>, { shared: Int32Array; bag: Int32Array }>();

/** Top similarities kept for pruning only for limits this small: a longer list (the editor asks for all) is not pruned. */
const PRUNED_LIMIT = 16;

/**
 * Entries at least `min` similar to the query, best first (ties in memory order), at most `limit`.
 * Exact, not approximate: an entry within d edits of the query shares at least
 * (distinct query bigrams − 2d) of them, since one edit touches at most two bigram positions,
 * so entries sharing fewer are skipped without computing their distance. Candidates are compared
 * most shared bigrams first within a budget of table cells; long texts compare approximately
 * (see `tokenDistance`), and candidates left when the budget is spent are not compared at all. Entries `skip`
 * refuses are left out before any comparison, so they spend none of the budget, and so are candidates whose bound (by the
 * bigrams they lack, their length and the characters they share) is under `min` or, with a small `limit`, under the
 * limit-th best found so far.
 */
export function bestMatches<Id>(
  query: string,
  memory: MatchIndex<Id> | readonly MatchEntry<Id>[],
  { min = 0.7, limit = 5, skip }: { min?: number; limit?: number; skip?: (id: Id) => boolean } = {},
): Match<Id>[] {
  const index = isIndex(memory) ? memory : buildMatchIndex(memory);
  const q = normalise(query);
  const grams = bigrams(q);
  const codes = codesOf(q, index.alphabet, false);
  let kept = scratch.get(index);
  if (kept?.shared.length !== index.ids.length || kept.bag.length < index.alphabet.size + q.length) {
    scratch.set(index, (kept = { shared: new Int32Array(index.ids.length), bag: new Int32Array(index.alphabet.size + Math.max(q.length, 256)) }));
  }
  const { shared, bag } = kept;
  const touched: number[] = [];
  for (const gram of grams) {
    for (const k of index.postings.get(gram) ?? []) if (shared[k]!++ === 0) touched.push(k);
  }
  for (const c of codes) bag[c]!++;
  try {
    return compareCandidates(index, codes, grams.size, { shared, touched, bag }, { min, limit, skip });
  } finally {
    for (const k of touched) shared[k] = 0;
    for (const c of codes) bag[c] = 0;
  }
}

/**
 * How many characters an entry has in common with the query, as multisets: at least longer − that many edits. `bag`
 * holds the query's counts and is left as it was.
 */
function bagOverlap(bag: Int32Array, entry: Int32Array, taken: number[]): number {
  for (const c of entry) {
    if (bag[c]! > 0) {
      bag[c]!--;
      taken.push(c);
    }
  }
  const overlap = taken.length;
  for (const c of taken) bag[c]!++;
  taken.length = 0;
  return overlap;
}

/**
 * The comparisons of `bestMatches`, given each entry's count of the query's bigrams (`shared`, non-zero only for
 * `touched`) and the query's characters counted in `bag`.
 */
function compareCandidates<Id>(
  index: MatchIndex<Id>, q: Int32Array, grams: number,
  { shared, touched, bag }: { shared: Int32Array; touched: readonly number[]; bag: Int32Array },
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
  const taken: number[] = [];
  let budget = QUERY_CELLS;
  compare: for (let count = grams; count >= 0; count--) {
    for (const k of byShared[count]!.sort((x, y) => x - y)) {
      if (budget <= 0) break compare;
      if (skip?.(index.ids[k]!)) continue;
      const chars = index.codes[k]!;
      // Not compared when even its bounds cannot reach `min` or, with `limit` found, the limit-th best: the bigrams it
      // lacks (each edit removes at most two), its length, and the characters it shares with the query.
      const floor = tops.length === limit ? Math.max(min, tops[limit - 1]!) : min;
      const longer = Math.max(q.length, chars.length);
      if (longer > 0) {
        // In edits, and as a similarity by the same sum as `similarityOf`'s, so a tie with the best stays a tie.
        let fewest = Math.max(Math.abs(chars.length - q.length), Math.ceil((grams - count) / 2));
        if (1 - fewest / longer < floor) continue;
        fewest = Math.max(fewest, longer - bagOverlap(bag, chars, taken));
        if (1 - fewest / longer < floor) continue;
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
