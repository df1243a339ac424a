// Post-editing effort: word edit distance and HTER between a machine draft and its final version.

import { tokenizeWords } from './tokenize-words.ts';
import type { Lang } from './types.ts';

/** An edit count, with whether it had to be estimated (see `tokenDistance`) and the work it took. */
export interface Distance {
  edits: number;
  /** True when the texts were too long and different to compare exactly: `edits` is then an upper bound. */
  approximate: boolean;
  /** Table cells computed: the work done, which a caller comparing many texts adds up against its budget. */
  cells: number;
}

/**
 * Levenshtein distance over word tokens (substitution, insertion and deletion each cost 1).
 * No TER block shifts: a moved phrase counts as its deletions plus insertions, so the result is
 * an upper bound of TER's edit count. Tokens compare exactly, case and punctuation included,
 * because a post-editor fixing "korea" to "Korea" did do an edit.
 */
export function wordEditDistance(mt: string, final: string, lang: Lang): Distance {
  return tokenDistance(tokenizeWords(mt, lang), tokenizeWords(final, lang));
}

/** Human-targeted TER: edits needed to turn the draft into the final text, per final token. */
export function hter(mt: string, final: string, lang: Lang, maxCells = MAX_CELLS): { value: number; approximate: boolean; cells: number } {
  // Unedited machine output, most rows of a fresh document: nothing to compare.
  if (mt === final) return { value: 0, approximate: false, cells: 0 };
  const finalTokens = tokenizeWords(final, lang);
  const d = tokenDistance(tokenizeWords(mt, lang), finalTokens, maxCells);
  return { value: d.edits / Math.max(1, finalTokens.length), approximate: d.approximate, cells: d.cells };
}

/**
 * Table cells one comparison may compute: 500 × 500 words exactly, about a millisecond. A
 * 40,000-word sentence against itself once took 1.6 billion cells (9 s with the server frozen).
 */
export const MAX_CELLS = 250_000;

/**
 * Table cells one request may spend over all the pairs it figures (a page's rows, a document's effort):
 * about a tenth of a second. Thousands of long rewritten pairs, as a JSON file can carry, would otherwise
 * cost a quarter of a million cells each; past the budget a pair's count is the cut-off estimate.
 */
export const REQUEST_CELLS = 40 * MAX_CELLS;

/** Spends a request's cells: each comparison gets at most MAX_CELLS of what is left. */
export class CellBudget {
  constructor(private left = REQUEST_CELLS) {}
  get next(): number {
    return Math.min(MAX_CELLS, this.left);
  }
  spend(d: { cells: number }): void {
    this.left -= d.cells;
  }
}

/**
 * Levenshtein distance between token sequences (words, or code points for fuzzy matching), in at
 * most about `maxCells` table cells whatever the lengths. The common start and end are matched in
 * linear time first (equal texts and small edits to long ones stay exact); what is left is
 * compared in full when it fits, otherwise only within a band around the diagonal, whose best
 * path is a real edit script, so the count is an upper bound, marked approximate unless the band
 * proves it exact.
 */
export function tokenDistance(a: readonly string[], b: readonly string[], maxCells = MAX_CELLS): Distance {
  const [start, endA, endB] = commonEnds(a, b);
  return table(a.slice(start, endA), b.slice(start, endB), maxCells, numbered);
}

/**
 * `tokenDistance` for texts already numbered (code points, say): the fuzzy matcher compares one query with thousands of
 * entries, and numbering both sides each time cost it six times the table itself.
 */
export function codeDistance(a: Int32Array, b: Int32Array, maxCells = MAX_CELLS): Distance {
  const [start, endA, endB] = commonEnds(a, b);
  return table(a.subarray(start, endA), b.subarray(start, endB), maxCells, (x, y) => [x, y]);
}

/** Where the common start ends, and where the common end starts in each. */
function commonEnds(a: ArrayLike<unknown>, b: ArrayLike<unknown>): [number, number, number] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return [start, endA, endB];
}

function table<T extends ArrayLike<unknown>>(a: T, b: T, maxCells: number, number: (x: T, y: T) => [Int32Array, Int32Array]): Distance {
  const [long, short] = a.length < b.length ? [b, a] : [a, b];
  if (short.length === 0) return { edits: long.length, approximate: false, cells: 0 };
  const full = long.length * short.length;
  // Not even a band one cell either side of the diagonal is affordable: every token of the longer side counts, an upper bound.
  if (full > maxCells && 3 * long.length > maxCells) return { edits: long.length, approximate: true, cells: 0 };
  const [x, y] = number(long, short);
  if (full <= maxCells) return { edits: fullTable(x, y), approximate: false, cells: full };
  return bandedTable(x, y, maxCells);
}

// Tokens as small numbers: the table's inner loop then compares integers, not strings.
function numbered(a: readonly string[], b: readonly string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const number = (tokens: readonly string[]) => Int32Array.from(tokens, (t) => {
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = ids.size));
    return id;
  });
  return [number(a), number(b)];
}

// Two rows of the table; O(n·m) time.
function fullTable(a: Int32Array, b: Int32Array): number {
  let prev = new Uint32Array(b.length + 1);
  let row = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const substitute = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      row[j] = Math.min(substitute, prev[j]! + 1, row[j - 1]! + 1);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

/**
 * Row i (of the longer side, n rows) keeps the columns within `width` of i·m/n. Consecutive bands
 * overlap because the centre moves at most one column a row, so the corner is always reached. A
 * script of d edits strays at most d + (n − m) columns from that centre: when the band's best
 * count leaves that much room, no better script lies outside it and the count is exact.
 */
function bandedTable(a: Int32Array, b: Int32Array, maxCells: number): Distance {
  const n = a.length;
  const m = b.length;
  const width = Math.max(1, Math.floor(maxCells / (2 * n)));
  const outside = n + m + 1;
  let prev = new Uint32Array(m + 1);
  let row = new Uint32Array(m + 1);
  let prevLo = 0;
  let prevHi = Math.min(m, width);
  for (let j = 0; j <= prevHi; j++) prev[j] = j;
  let cells = 0;
  for (let i = 1; i <= n; i++) {
    const centre = Math.round((i * m) / n);
    const lo = Math.max(0, centre - width);
    const hi = Math.min(m, centre + width);
    const ai = a[i - 1];
    // Cells just outside the previous band read as unreachable.
    if (lo > 0) prev[lo - 1] = lo - 1 >= prevLo ? prev[lo - 1]! : outside;
    for (let j = prevHi + 1; j <= hi; j++) prev[j] = outside;
    let left = lo === 0 ? i : outside;
    if (lo === 0) row[0] = i;
    for (let j = lo === 0 ? 1 : lo; j <= hi; j++) {
      const diagonal = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      const up = prev[j]! + 1;
      const best = diagonal < up ? diagonal : up;
      left = left + 1 < best ? left + 1 : best;
      row[j] = left;
    }
    cells += hi - lo + 1;
    [prev, row] = [row, prev];
    prevLo = lo;
    prevHi = hi;
  }
  const edits = prev[m]!;
  return { edits, approximate: edits + (n - m) + 1 > width, cells };
}

export interface EditedPair {
  mt: string;
  final: string;
  /** Time the translator spent on the segment. */
  seconds: number;
}

export interface PostEditEffort {
  pairs: number;
  /** Pairs whose final text differs from the draft. */
  changed: number;
  /** changed / pairs, 0 for an empty document. */
  changedShare: number;
  totalEdits: number;
  /** Mean of the per-pair HTER, so each segment weighs the same whatever its length. */
  meanHter: number;
  totalSeconds: number;
  /** Pairs whose edit count is an estimate: the totals and mean are then approximate too. */
  approximatePairs: number;
}

/** One pair's share of the document's effort: word edits from the MT to the final text, and the final text's word count. */
export interface PairEdits {
  edits: number;
  /** The edit count is an estimate (see `tokenDistance`). */
  approximate: boolean;
  finalWords: number;
  changed: boolean;
  seconds: number;
}

export function pairEdits(pair: EditedPair, lang: Lang = 'en', budget = new CellBudget()): PairEdits {
  const finalTokens = tokenizeWords(pair.final, lang);
  const d = tokenDistance(tokenizeWords(pair.mt, lang), finalTokens, budget.next);
  budget.spend(d);
  return { edits: d.edits, approximate: d.approximate, finalWords: finalTokens.length, changed: pair.mt !== pair.final, seconds: pair.seconds };
}

/** Document-level effort; the final text is English unless `lang` says otherwise. */
export function postEditEffort(pairs: readonly EditedPair[], lang: Lang = 'en'): PostEditEffort {
  const sum = new EffortSum();
  const budget = new CellBudget();
  for (const p of pairs) {
    const e = pairEdits(p, lang, budget);
    sum.add(e.edits, e.finalWords, e.changed, e.seconds, e.approximate);
  }
  return sum.result();
}

/** Document-level effort summed one pair at a time, so a caller may keep the per-pair figures between calls (in columns). */
export class EffortSum {
  private n = 0;
  private changed = 0;
  private totalEdits = 0;
  private hterSum = 0;
  private totalSeconds = 0;
  private approximate = 0;

  add(edits: number, finalWords: number, changed: boolean, seconds: number, approximate: boolean): void {
    this.n++;
    if (approximate) this.approximate++;
    if (changed) this.changed++;
    this.totalEdits += edits;
    this.hterSum += edits / Math.max(1, finalWords);
    this.totalSeconds += seconds;
  }

  result(): PostEditEffort {
    const n = this.n;
    return {
      pairs: n,
      changed: this.changed,
      changedShare: n ? this.changed / n : 0,
      totalEdits: this.totalEdits,
      meanHter: n ? this.hterSum / n : 0,
      totalSeconds: this.totalSeconds,
      approximatePairs: this.approximate,
    };
  }
}
