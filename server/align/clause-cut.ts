// Where a translator could have cut two adjacent beads' joined span: clause ends on both sides, and what the best such cut saves over the sentence boundary.

import type { SpanMatches } from './span-scorer.ts';

// A clause ends after a comma, semicolon, colon, enumeration comma or dash, in either script.
const CLAUSE_END = /[，,；;：:、—–]+/gu;

/**
 * The places in a sentence, from 0 to 1 by visible characters (as the scorer places words), after
 * which a clause ends; the sentence's own end is not one.
 */
export function clauseEnds(sentence: string): number[] {
  const visible = sentence.replace(/\s+/g, '');
  const out: number[] = [];
  for (const m of visible.matchAll(CLAUSE_END)) {
    const at = (m.index + m[0].length) / visible.length;
    if (at < 1) out.push(at);
  }
  return out;
}

/**
 * How much cheaper the best cut of the joined span at clause ends is than its cut at the sentence
 * boundary, as a share of the matched evidence: a cut costs the evidence crossing it plus
 * `lengthWeight` times how far apart its two sides sit (each side's share of the span before it;
 * a translation keeps proportions). Both sides' cuts move at once, so a clause carried across the
 * boundary on both sides of a recast pair is seen; the sentence boundary is among the candidates,
 * so the gain is never negative.
 */
export function clauseCutGain(m: SpanMatches, srcCuts: readonly number[], tgtCuts: readonly number[], lengthWeight: number): number {
  const n = m.weight.length;
  let total = 0;
  for (let k = 0; k < n; k++) total += m.weight[k]!;
  if (total === 0) return 0;
  const src = [m.srcBoundary, ...srcCuts].sort((x, y) => x - y);
  const tgt = [m.tgtBoundary, ...tgtCuts].sort((x, y) => x - y);
  // before[i][j]: the weight of the matches before Chinese cut i and English cut j, as prefix
  // sums over a grid of the cuts, so that each of the cuts' pairs costs one look-up, not a pass over
  // the matches (Bible 006, whose verses are full of commas: 0.5-0.7 s a pass, against 0.3 s for boundaryShift).
  const cols = tgt.length + 1;
  const before = new Float64Array((src.length + 1) * cols);
  for (let k = 0; k < n; k++) before[placeAmong(src, m.src[k]!) * cols + placeAmong(tgt, m.tgt[k]!)]! += m.weight[k]!;
  for (let i = 0; i <= src.length; i++) {
    for (let j = 0; j < cols; j++) {
      const at = i * cols + j;
      if (i > 0) before[at]! += before[at - cols]!;
      if (j > 0) before[at]! += before[at - 1]!;
      if (i > 0 && j > 0) before[at]! -= before[at - cols - 1]!;
    }
  }
  const cost = (i: number, j: number) => {
    const crossing = before[i * cols + tgt.length]! + before[src.length * cols + j]! - 2 * before[i * cols + j]!;
    return crossing / total + lengthWeight * Math.abs(src[i]! - tgt[j]!);
  };
  const atBoundary = cost(src.indexOf(m.srcBoundary), tgt.indexOf(m.tgtBoundary));
  let best = atBoundary;
  for (let i = 0; i < src.length; i++) for (let j = 0; j < tgt.length; j++) best = Math.min(best, cost(i, j));
  return atBoundary - best;
}

/** How many of the ascending cuts lie at or before a place: a match there is before cut i when i is at least this. */
function placeAmong(cuts: number[], place: number): number {
  let i = 0;
  while (i < cuts.length && cuts[i]! <= place) i++;
  return i;
}
