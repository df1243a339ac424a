// The part of a document its anchor chain covers, first anchor to last: where the translation is known to run. A
// translation that stops short (the last chapters not yet translated) or starts late leaves the rest of one side
// outside it, and the document's totals would then mislead what is learned from them (the length ratio, how many
// sentences of one side a sentence of the other takes).

import type { AnchorCandidate } from './span-scorer.ts';

/** Sentences each side of the span needs before it stands for the document. */
const MIN_SPAN = 3;
/**
 * Sentences one side must have beyond the span more than the other (scaled by the span's proportion) before the span
 * is taken: a heading or a closing line on each side outside the anchors is no reason to doubt the document's totals.
 */
const MIN_LOPSIDED = 3;

/** Half-open sentence ranges [src0, src1) and [tgt0, tgt1), or undefined when the anchors span too little. */
export interface AnchoredSpan {
  src0: number;
  src1: number;
  tgt0: number;
  tgt1: number;
}

/**
 * The span, when it is long enough and one side has clearly more outside it than the other: the translation stops
 * short or starts late. `anchors` as the chain gives them, in order on both sides; `srcCount`, `tgtCount` the sides'
 * sentences.
 */
export function anchoredSpan(anchors: AnchorCandidate[], srcCount: number, tgtCount: number): AnchoredSpan | undefined {
  if (anchors.length < 2) return undefined;
  const first = anchors[0]!;
  const last = anchors[anchors.length - 1]!;
  const span = { src0: first.src, src1: last.src + 1, tgt0: first.tgt, tgt1: last.tgt + 1 };
  const [srcIn, tgtIn] = [span.src1 - span.src0, span.tgt1 - span.tgt0];
  if (srcIn < MIN_SPAN || tgtIn < MIN_SPAN) return undefined;
  const srcOut = srcCount - srcIn;
  const tgtOut = (tgtCount - tgtIn) * (srcIn / tgtIn);
  return Math.abs(srcOut - tgtOut) >= MIN_LOPSIDED ? span : undefined;
}
