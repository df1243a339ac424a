// Picks the heaviest monotone chain of anchor candidates and draws the search band around it.

import type { AnchorCandidate, Band } from './span-scorer.ts';

// Keeps the band, and so the time, linear in length even where no anchors were found.
const MAX_EXTRA_HALF_WIDTH = 60;
// An anchor where the chain's slope changes by more than this factor is taken for a wrong one.
const MAX_BEND = 9;
const MAX_OUTLIER_ROUNDS = 8;

/**
 * The anchors among a document's candidates: each target sentence's strongest source
 * (formulaic verses nominate many), chained, without the chain's sharp bends.
 */
export function anchorChain(candidates: AnchorCandidate[], srcCount: number, tgtCount: number): AnchorCandidate[] {
  const strongest = new Map<number, AnchorCandidate>();
  for (const c of candidates) if ((strongest.get(c.tgt)?.weight ?? -1) < c.weight) strongest.set(c.tgt, c);
  return withoutOutliers(heaviestChain(candidates.filter((c) => strongest.get(c.tgt) === c), tgtCount), srcCount, tgtCount);
}

/** The subset of candidates, strictly increasing on both sides, with the largest total weight. */
export function heaviestChain(candidates: AnchorCandidate[], tgtCount: number): AnchorCandidate[] {
  const sorted = [...candidates].sort((a, b) => a.src - b.src || b.tgt - a.tgt);
  // Fenwick tree over target positions holding the best chain ending at or below a position.
  const treeWeight = new Float64Array(tgtCount + 1);
  const treeIndex = new Int32Array(tgtCount + 1).fill(-1);
  const previous = new Int32Array(sorted.length).fill(-1);
  const total = new Float64Array(sorted.length);
  let bestEnd = -1;
  sorted.forEach((c, k) => {
    let weight = 0;
    let from = -1;
    for (let i = c.tgt; i > 0; i -= i & -i) {
      if (treeWeight[i]! > weight) [weight, from] = [treeWeight[i]!, treeIndex[i]!];
    }
    total[k] = weight + c.weight;
    previous[k] = from;
    for (let i = c.tgt + 1; i <= tgtCount; i += i & -i) {
      if (total[k]! > treeWeight[i]!) [treeWeight[i], treeIndex[i]] = [total[k]!, k];
    }
    if (bestEnd < 0 || total[k]! > total[bestEnd]!) bestEnd = k;
  });
  const chain: AnchorCandidate[] = [];
  for (let k = bestEnd; k >= 0; k = previous[k]!) chain.push(sorted[k]!);
  return chain.reverse();
}

/**
 * Drops anchors that bend the chain sharply (far steeper on one side than on the other): a wrong
 * anchor that still fits the order drags the band away from the path. The sharpest bend goes
 * first, so that the good anchor next to a wrong one, which also sees the bend, stays.
 */
export function withoutOutliers(chain: AnchorCandidate[], srcCount: number, tgtCount: number): AnchorCandidate[] {
  const ratio = (tgtCount + 1) / (srcCount + 1);
  const slope = (a: { src: number; tgt: number }, b: { src: number; tgt: number }) => (b.tgt - a.tgt + 1) / (b.src - a.src + 1) / ratio;
  let kept = chain;
  for (let round = 0; round < MAX_OUTLIER_ROUNDS; round++) {
    const points = [{ src: -1, tgt: -1 }, ...kept, { src: srcCount, tgt: tgtCount }];
    const bend = kept.map((_, k) => {
      const before = slope(points[k]!, points[k + 1]!);
      const after = slope(points[k + 1]!, points[k + 2]!);
      return Math.max(before / after, after / before);
    });
    const sharpest = (k: number) => bend[k]! > MAX_BEND && !(bend[k - 1]! >= bend[k]!) && !(bend[k + 1]! > bend[k]!);
    const next = kept.filter((_, k) => !sharpest(k));
    if (next.length === kept.length) break;
    kept = next;
  }
  return kept;
}

/**
 * A band following the chain: each DP row's centre is interpolated between the anchors around
 * it, and the half-width grows with the distance between those anchors, where the guess is weaker.
 */
export function bandAround(chain: AnchorCandidate[], srcCount: number, tgtCount: number, minHalfWidth: number): Band {
  const points: [number, number][] = [[0, 0], ...chain.map((c): [number, number] => [c.src + 0.5, c.tgt + 0.5]), [srcCount, tgtCount]];
  const lo = new Int32Array(srcCount + 1);
  const hi = new Int32Array(srcCount + 1);
  let seg = 0;
  for (let i = 0; i <= srcCount; i++) {
    while (seg < points.length - 2 && points[seg + 1]![0] <= i) seg++;
    const [z0, e0] = points[seg]!;
    const [z1, e1] = points[seg + 1]!;
    const t = z1 > z0 ? (i - z0) / (z1 - z0) : 1;
    const centre = e0 + t * (e1 - e0);
    const half = minHalfWidth + Math.min(MAX_EXTRA_HALF_WIDTH, 0.25 * Math.max(z1 - z0, e1 - e0));
    lo[i] = Math.max(0, Math.floor(centre - half));
    hi[i] = Math.min(tgtCount, Math.ceil(centre + half));
  }
  lo[0] = 0;
  hi[srcCount] = tgtCount;
  for (let i = 1; i <= srcCount; i++) lo[i] = Math.max(lo[i]!, lo[i - 1]!);
  for (let i = srcCount - 1; i >= 0; i--) hi[i] = Math.min(hi[i]!, hi[i + 1]!);
  // Steep stretches (one source sentence, many targets) must still connect row to row.
  for (let i = 1; i <= srcCount; i++) lo[i] = Math.min(lo[i]!, hi[i - 1]!);
  hi[srcCount] = tgtCount;
  lo[0] = 0;
  return { lo, hi };
}

/** Every cell allowed: for documents small enough to search exhaustively. */
export function fullBand(srcCount: number, tgtCount: number): Band {
  return { lo: new Int32Array(srcCount + 1), hi: new Int32Array(srcCount + 1).fill(tgtCount) };
}
