// Stitching two overlapping alignments of a long document keeps every index once, in order.

import { describe, expect, it } from 'vitest';
import { stitch } from '../../server/align/align-parallel.ts';
import type { ScoredBead } from '../../server/domain/types.ts';

const bead = (src: number[], tgt: number[]): ScoredBead => ({ src, tgt, score: 1 });

describe('stitch', () => {
  it('when both paths pass through a boundary then it joins them there', () => {
    const first = [bead([0], [0]), bead([1, 2], [1]), bead([3], [2]), bead([4], [3, 4]), bead([5], [5])];
    const second = [bead([2, 3], [1, 2]), bead([4], [3, 4]), bead([5], []), bead([6], [5, 6])];
    const joined = stitch(first, second, 3, 3)!;
    expect(joined.flatMap((b) => b.src)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(joined.flatMap((b) => b.tgt)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(joined.slice(0, 3)).toEqual(first.slice(0, 3));
  });

  it('when the paths never meet then there is no stitch', () => {
    const first = [bead([0, 1], [0]), bead([2], [1, 2])];
    const second = [bead([1], [0, 1]), bead([2], [2])];
    expect(stitch(first, second, 1, 1)).toBeUndefined();
  });
});
