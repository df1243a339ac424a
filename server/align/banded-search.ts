// Dynamic programming over bead shapes inside a band: the cheapest monotone path covering every sentence once.

import type { Band } from './span-scorer.ts';

export interface Shape {
  src: number;
  tgt: number;
}

/** Cost of the bead src[s0, s1) × tgt[t0, t1); lower is better, summed along the path. */
export type BeadCost = (s0: number, s1: number, t0: number, t1: number) => number;

export interface SpanBead {
  s0: number;
  s1: number;
  t0: number;
  t1: number;
}

/**
 * Finds the cheapest path from (0, 0) to (srcCount, tgtCount) through the band using the given
 * shapes. `bound`, a cheap lower bound of `cost`, spares the cost of beads that could not beat the
 * best way into a cell found so far: same path, fewer costs computed.
 */
export function bandedSearch(band: Band, shapes: Shape[], cost: BeadCost, bound?: BeadCost): SpanBead[] {
  const rows = band.lo.length;
  const offset = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) offset[i + 1] = offset[i]! + band.hi[i]! - band.lo[i]! + 1;
  const best = new Float64Array(offset[rows]!).fill(Infinity);
  const via = new Uint8Array(offset[rows]!);
  best[0] = 0;
  const shapeSrc = Int32Array.from(shapes, (s) => s.src);
  const shapeTgt = Int32Array.from(shapes, (s) => s.tgt);
  const { lo: bandLo, hi: bandHi } = band;
  const shapeCount = shapes.length;
  for (let i = 0; i < rows; i++) {
    const lo = bandLo[i]!;
    const hi = bandHi[i]!;
    for (let j = lo; j <= hi; j++) {
      const here = offset[i]! + j - lo;
      let bestCost = best[here]!;
      let bestShape = via[here]!;
      for (let k = 0; k < shapeCount; k++) {
        const pi = i - shapeSrc[k]!;
        const pj = j - shapeTgt[k]!;
        if (pi < 0) continue;
        const pLo = bandLo[pi]!;
        if (pj < pLo || pj > bandHi[pi]!) continue;
        const before = best[offset[pi]! + pj - pLo]!;
        if (before === Infinity) continue;
        if (bound && before + bound(pi, i, pj, j) >= bestCost) continue;
        const total = before + cost(pi, i, pj, j);
        if (total < bestCost) {
          bestCost = total;
          bestShape = k;
        }
      }
      best[here] = bestCost;
      via[here] = bestShape;
    }
  }
  const path: SpanBead[] = [];
  let i = rows - 1;
  let j = band.hi[i]!;
  while (i > 0 || j > 0) {
    const { src: a, tgt: b } = shapes[via[offset[i]! + j - band.lo[i]!]!]!;
    path.push({ s0: i - a, s1: i, t0: j - b, t1: j });
    i -= a;
    j -= b;
  }
  return path.reverse();
}
