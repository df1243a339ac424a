// How far the words of two adjacent beads say their boundary should move: the mark of content a translator carried across a sentence boundary.

import type { SpanMatches } from './span-scorer.ts';

/**
 * The share of the matched evidence of two adjacent beads that would stop crossing their
 * boundary if it moved on one side, the other side's staying where its sentences end: the best
 * such move on the English side plus the best on the Chinese side. Matches of common words
 * cross a right boundary from anywhere in the sentences, and moving it saves little of them;
 * a clause rendered in the next sentence crosses it in a block next to it (translators keep the
 * order of clauses), and a boundary moved past that block saves all of it.
 */
export function boundaryShift(m: SpanMatches): number {
  const n = m.weight.length;
  let total = 0;
  for (let k = 0; k < n; k++) total += m.weight[k]!;
  if (total === 0) return 0;
  const tgtMoved = savedByMoving(m.tgt, m.tgtBoundary, m.src, m.srcBoundary, m.weight, n);
  const srcMoved = savedByMoving(m.src, m.srcBoundary, m.tgt, m.tgtBoundary, m.weight, n);
  return (tgtMoved + srcMoved) / total;
}

// Places are compared to a 2^-31 of the span, which leaves 21 bits of a double's 53 for the match's index.
const PLACE_STEPS = 2 ** 31;
const INDEX_STEPS = 2 ** 21;

/**
 * The weight of the matches crossing the boundary, less the least weight crossing any split of
 * the moving side: a match crosses a split when it lies before the split on one side and after
 * it on the other (the fixed side's boundary staying put).
 */
function savedByMoving(moving: Float64Array, boundary: number, fixed: Float64Array, fixedBoundary: number, weight: Float64Array, n: number): number {
  let now = 0;
  // A split before every match: each match in the fixed side's first part crosses it.
  let crossing = 0;
  // Matches by place on the moving side, each key its place then its index: one numeric sort, no comparator.
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const first = fixed[k]! < fixedBoundary;
    if (first !== moving[k]! < boundary) now += weight[k]!;
    if (first) crossing += weight[k]!;
    keys[k] = Math.floor(moving[k]! * PLACE_STEPS) * INDEX_STEPS + k;
  }
  keys.sort();
  let least = crossing;
  for (let i = 0; i < n; i++) {
    const k = keys[i]! % INDEX_STEPS;
    crossing += fixed[k]! < fixedBoundary ? -weight[k]! : weight[k]!;
    // Matches at one place move together: a split cannot fall between them.
    if (i + 1 === n || Math.floor(keys[i + 1]! / INDEX_STEPS) !== Math.floor(keys[i]! / INDEX_STEPS)) least = Math.min(least, crossing);
  }
  return now - least;
}
