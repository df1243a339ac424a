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
  let total = 0;
  for (const w of m.weight) total += w;
  if (total === 0) return 0;
  const tgtMoved = savedByMoving(m.tgt, m.tgtBoundary, m.src, m.srcBoundary, m.weight);
  const srcMoved = savedByMoving(m.src, m.srcBoundary, m.tgt, m.tgtBoundary, m.weight);
  return (tgtMoved + srcMoved) / total;
}

/**
 * The weight of the matches crossing the boundary, less the least weight crossing any split of
 * the moving side: a match crosses a split when it lies before the split on one side and after
 * it on the other (the fixed side's boundary staying put).
 */
function savedByMoving(moving: Float64Array, boundary: number, fixed: Float64Array, fixedBoundary: number, weight: Float64Array): number {
  const first = (k: number) => fixed[k]! < fixedBoundary;
  let now = 0;
  // A split before every match: each match in the fixed side's first part crosses it.
  let crossing = 0;
  for (let k = 0; k < weight.length; k++) {
    if (first(k) !== moving[k]! < boundary) now += weight[k]!;
    if (first(k)) crossing += weight[k]!;
  }
  let least = crossing;
  const order = Array.from(weight.keys()).sort((a, b) => moving[a]! - moving[b]!);
  for (let i = 0; i < order.length; i++) {
    const k = order[i]!;
    crossing += first(k) ? -weight[k]! : weight[k]!;
    // Matches at one place move together: a split cannot fall between them.
    if (i + 1 === order.length || moving[order[i + 1]!]! !== moving[k]!) least = Math.min(least, crossing);
  }
  return now - least;
}
