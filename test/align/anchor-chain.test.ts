// The anchor chain that centres the search band: monotone, and rid of anchors that bend it away from the path.

import { describe, expect, it } from 'vitest';
import { withoutOutliers } from '../../server/align/anchor-chain.ts';

// A diagonal of anchors every 20 sentences in a 1000 x 800 document.
const diagonal = (from: number, to: number) =>
  Array.from({ length: (to - from) / 20 }, (_, k) => ({ src: from + 20 * k, tgt: Math.round(0.8 * (from + 20 * k)), weight: 1 }));

describe('withoutOutliers', () => {
  it('when one anchor jumps far ahead of the path then it goes and its neighbours stay', () => {
    // As on Bible 001: a weak anchor 123 sentences ahead, still in order with the next one, so
    // that the chain is only 2.7 times too steep before it and 10 times too flat after.
    const wrong = { src: 530, tgt: 547, weight: 0.6 };
    const chain = [...diagonal(0, 460), wrong, ...diagonal(700, 1000)];
    const kept = withoutOutliers(chain, 1000, 800);
    expect(kept).not.toContainEqual(wrong);
    expect(kept).toHaveLength(chain.length - 1);
  });

  it('when the chain follows the path then every anchor stays', () => {
    const chain = diagonal(0, 1000);
    expect(withoutOutliers(chain, 1000, 800)).toEqual(chain);
  });
});
