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
  const cost = (a: number, b: number) => {
    let crossing = 0;
    for (let k = 0; k < n; k++) if (m.src[k]! < a !== m.tgt[k]! < b) crossing += m.weight[k]!;
    return crossing / total + lengthWeight * Math.abs(a - b);
  };
  const atBoundary = cost(m.srcBoundary, m.tgtBoundary);
  let best = atBoundary;
  for (const a of [m.srcBoundary, ...srcCuts]) for (const b of [m.tgtBoundary, ...tgtCuts]) best = Math.min(best, cost(a, b));
  return atBoundary - best;
}
