// Sentence alignment of a Chinese text and its English translation: anchors first, then a banded search over all bead shapes.

import type { ScoredBead } from '../domain/types.ts';
import type { AlignResources } from './align-resources.ts';
import { bandAround, fullBand, heaviestChain } from './anchor-chain.ts';
import { bandedSearch, type BeadCost, type Shape, type SpanBead } from './banded-search.ts';
import { lengthCost, fitLengthModel, type LengthModel } from './length-model.ts';
import { lexicalScorer } from './lexical-scorer.ts';
import { documentFeatures } from './sentence-features.ts';
import type { SpanScores } from './span-scorer.ts';

export type { AlignResources } from './align-resources.ts';

export interface AlignOptions {
  /** Most sentences on one side of a bead; literary translation often renders one sentence as 3-5. */
  maxBeadSide?: number;
  /** Half-width of the search band around the anchor path, in sentences. */
  bandHalfWidth?: number;
  /** Overrides of the cost weights, for experiments. */
  weights?: Partial<CostWeights>;
}

export type CostWeights = typeof WEIGHTS;

// Costs are in units of one well-translated bead's lexical reward.
const WEIGHTS = {
  lexical: 3,
  length: 0.3,
  /** Each sentence merged into a bead beyond the first on each side. */
  merge: 0.6,
  /** Extra for beads with several sentences on both sides. */
  manyToMany: 0.6,
  /** A sentence left without a counterpart. */
  skip: 1.8,
};
// Below this many DP cells the whole matrix is searched: anchors are unreliable in short texts.
const EXHAUSTIVE_CELLS = 250_000;
// Anchors need at least this much of both sentences explained (sum of the two coverages).
const ANCHOR_MIN_WEIGHT = 0.6;

/**
 * Aligns sentences src (Chinese) with tgt (English). Pure: the lexicon and segmenter come in
 * `resources`. Every index of each side appears exactly once, in order; each bead has a confidence.
 */
export function align(src: string[], tgt: string[], resources: AlignResources, options: AlignOptions = {}): ScoredBead[] {
  if (src.length === 0 || tgt.length === 0) return unmatched(src.length, tgt.length);
  const features = documentFeatures(src, tgt, resources);
  const scorer = lexicalScorer(features);
  const candidates = scorer.anchorCandidates().filter((c) => c.weight >= ANCHOR_MIN_WEIGHT);
  const anchors = heaviestChain(candidates, tgt.length);
  const srcLength = features.src.map((s) => s.length);
  const tgtLength = features.tgt.map((t) => t.length);
  const lengths = fitLengthModel(srcLength, tgtLength, anchors);
  const band = (src.length + 1) * (tgt.length + 1) <= EXHAUSTIVE_CELLS
    ? fullBand(src.length, tgt.length)
    : bandAround(anchors, src.length, tgt.length, options.bandHalfWidth ?? 8);
  const scores = scorer.inBand(band);
  const cost = beadCost(scores, { ...WEIGHTS, ...options.weights }, lengths, prefixSums(srcLength), prefixSums(tgtLength));
  const path = bandedSearch(band, beadShapes(options.maxBeadSide ?? 7), cost);
  return path.map((b) => ({ ...indices(b), score: confidence(b, scores, lengths, srcLength, tgtLength) }));
}

function unmatched(srcCount: number, tgtCount: number): ScoredBead[] {
  return [
    ...Array.from({ length: srcCount }, (_, i) => ({ src: [i], tgt: [], score: 1 })),
    ...Array.from({ length: tgtCount }, (_, j) => ({ src: [], tgt: [j], score: 1 })),
  ];
}

/** 1-0, 0-1, and every a-b with a + b ≤ maxSide + 1, so 1-7 and 7-1 but not 4-5. */
export function beadShapes(maxSide: number): Shape[] {
  const shapes: Shape[] = [{ src: 1, tgt: 0 }, { src: 0, tgt: 1 }];
  for (let a = 1; a <= maxSide; a++) for (let b = 1; a + b <= maxSide + 1; b++) shapes.push({ src: a, tgt: b });
  return shapes;
}

function prefixSums(values: number[]): Float64Array {
  const out = new Float64Array(values.length + 1);
  values.forEach((v, k) => (out[k + 1] = out[k]! + v));
  return out;
}

function beadCost(scores: SpanScores, weights: CostWeights, lengths: LengthModel, srcChars: Float64Array, tgtChars: Float64Array): BeadCost {
  return (s0, s1, t0, t1) => {
    const a = s1 - s0;
    const b = t1 - t0;
    if (a === 0 || b === 0) return weights.skip * (a + b);
    return weights.merge * (a + b - 2)
      + weights.manyToMany * (Math.min(a, b) - 1)
      + weights.length * lengthCost(lengths, srcChars[s1]! - srcChars[s0]!, tgtChars[t1]! - tgtChars[t0]!)
      - weights.lexical * scores.reward(s0, s1, t0, t1);
  };
}

function indices(b: SpanBead): { src: number[]; tgt: number[] } {
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
  return { src: range(b.s0, b.s1), tgt: range(b.t0, b.t1) };
}

// A logistic blend of how much of the bead the dictionary explains and how plausible its lengths are.
function confidence(b: SpanBead, scores: SpanScores, lengths: LengthModel, srcLength: number[], tgtLength: number[]): number {
  if (b.s0 === b.s1 || b.t0 === b.t1) return 0.3;
  const sum = (xs: number[], from: number, to: number) => xs.slice(from, to).reduce((s, x) => s + x, 0);
  const len = lengthCost(lengths, sum(srcLength, b.s0, b.s1), sum(tgtLength, b.t0, b.t1));
  const x = 8 * scores.coverage(b.s0, b.s1, b.t0, b.t1) - 0.7 * len - 1;
  return 1 / (1 + Math.exp(-x));
}
