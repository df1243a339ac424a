// Gale-Church length evidence with the character ratio and spread learned from the document itself.

import type { AnchorCandidate } from './span-scorer.ts';
import { anchoredSpan } from './anchored-span.ts';

export interface LengthModel {
  /** Target characters per source character (about 3.3 for English per Chinese). */
  ratio: number;
  /** Variance of the length difference per target-equivalent character. */
  variance: number;
}

/**
 * The ratio is the characters of the span the anchor chain covers on each side (anchored pairs alone over-represent
 * sentences that are part of a larger bead), or the whole document's `wholeRatio` when the anchors span too little:
 * a translation that stops short would otherwise halve the ratio, and its untranslated sentences fit into the last
 * bead by length. The spread comes from anchored 1-1 pairs, when there are enough.
 */
export function fitLengthModel(wholeRatio: number, srcLength: number[], tgtLength: number[], anchors: AnchorCandidate[]): LengthModel {
  const ratio = anchoredRatio(srcLength, tgtLength, anchors) ?? wholeRatio;
  if (anchors.length < 20) return { ratio, variance: 8 };
  // The lower quartile of a squared standard normal variable is 0.1015. A low quantile, because
  // some anchored pairs are parts of larger beads and widen the upper tail.
  const deviations = anchors
    .map((a) => lengthDeviation(srcLength[a.src]! * ratio, tgtLength[a.tgt]!) ** 2)
    .sort((x, y) => x - y);
  const variance = deviations[deviations.length >> 2]! / 0.1015;
  return { ratio, variance: Math.min(40, Math.max(2, variance)) };
}

/** Target characters per source character over the anchor chain's span, or undefined when it spans too little. */
export function anchoredRatio(srcLength: number[], tgtLength: number[], anchors: AnchorCandidate[]): number | undefined {
  const span = anchoredSpan(anchors, srcLength.length, tgtLength.length);
  if (!span) return undefined;
  let src = 0;
  let tgt = 0;
  for (let i = span.src0; i < span.src1; i++) src += srcLength[i]!;
  for (let j = span.tgt0; j < span.tgt1; j++) tgt += tgtLength[j]!;
  return src > 0 && tgt > 0 ? tgt / src : undefined;
}

function lengthDeviation(scaledSrc: number, tgt: number): number {
  return (tgt - scaledSrc) / Math.sqrt((scaledSrc + tgt) / 2 + 1);
}

/** -log of the two-tailed probability of the observed length difference (0 when lengths match). */
export function lengthCost(model: LengthModel, srcChars: number, tgtChars: number): number {
  const delta = Math.abs(lengthDeviation(srcChars * model.ratio, tgtChars)) / Math.sqrt(model.variance);
  return -logErfcTable(delta / Math.SQRT2);
}

// The DP asks for millions of these; a table with linear interpolation is ample for a cost.
const TABLE_STEP = 0.01;
const TABLE_END = 10;
let table: Float64Array | undefined;

function logErfcTable(x: number): number {
  if (x >= TABLE_END) return logErfc(x);
  table ??= Float64Array.from({ length: TABLE_END / TABLE_STEP + 2 }, (_, k) => logErfc(k * TABLE_STEP));
  const at = x / TABLE_STEP;
  const k = Math.floor(at);
  return table[k]! + (at - k) * (table[k + 1]! - table[k]!);
}

// Abramowitz and Stegun 7.1.26 in log form, so that large deviations do not underflow to -Infinity.
function logErfc(x: number): number {
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return Math.log(poly) - x * x;
}
