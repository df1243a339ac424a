// Whatever the input, the aligner returns monotone beads that use every sentence exactly once, scored in [0, 1].

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { align } from '../../server/align/align.ts';
import { loadAlignResources } from '../../server/align/load-resources.ts';
import type { ScoredBead } from '../../server/domain/types.ts';

const resources = loadAlignResources();

function expectWellFormed(beads: ScoredBead[], srcCount: number, tgtCount: number) {
  expect(beads.flatMap((b) => b.src)).toEqual([...Array(srcCount).keys()]);
  expect(beads.flatMap((b) => b.tgt)).toEqual([...Array(tgtCount).keys()]);
  for (const b of beads) {
    expect(b.src.length + b.tgt.length).toBeGreaterThan(0);
    expect(b.score).toBeGreaterThanOrEqual(0);
    expect(b.score).toBeLessThanOrEqual(1);
  }
}

const zhPool = ['天气很好。', '他说：“我明天去北京。”', '', '二十一', '金灿荣教授', '。', 'GDP增长5.2%', '我们', '文在寅总统访问中国，会见了习近平。'];
const enPool = ['The weather is fine.', 'He said, "I am going to Beijing tomorrow."', '', '21', 'Professor Jin Canrong', '.', 'GDP grew 5.2%', 'we', 'President Moon Jae-in visited China and met Xi Jinping.'];
const sentences = (pool: string[], max: number) => fc.array(fc.oneof(fc.constantFrom(...pool), fc.string({ maxLength: 30 })), { maxLength: max });

describe('align invariants', () => {
  it('when inputs are random then every index appears once, in order', () => {
    fc.assert(
      fc.property(sentences(zhPool, 40), sentences(enPool, 40), (src, tgt) => {
        expectWellFormed(align(src, tgt, resources), src.length, tgt.length);
      }),
      { numRuns: 150 },
    );
  });

  it('when both files are empty then there are no beads', () => {
    expect(align([], [], resources)).toEqual([]);
  });

  it('when one side is empty then every sentence of the other is its own bead', () => {
    expectWellFormed(align(['一。', '二。'], [], resources), 2, 0);
    expectWellFormed(align([], ['One.', 'Two.', 'Three.'], resources), 0, 3);
  });

  it('when both sides hold 5,000 identical lines then the beads still cover everything', () => {
    const src = Array<string>(5000).fill('你好，世界。');
    const tgt = Array<string>(5000).fill('Hello, world.');
    const beads = align(src, tgt, resources);
    expectWellFormed(beads, 5000, 5000);
    expect(beads.filter((b) => b.src.length === 1 && b.tgt.length === 1).length).toBeGreaterThan(4000);
  });

  it('when a sentence is rendered as several then one bead holds them all', () => {
    const beads = align(
      ['金灿荣说，二十一世纪的竞争是科技的竞争。', '他认为中国的出口表现很好，新能源汽车、锂电池和光伏产品增长很快，明年还会继续增长。'],
      ['Jin Canrong said that competition in the twenty-first century is competition in technology.', 'He thinks China\'s exports are doing well.', 'New-energy vehicles, lithium batteries and solar products grew fast.', 'They will keep growing next year.'],
      resources,
    );
    expect(beads.map(({ src, tgt }) => ({ src, tgt }))).toEqual([{ src: [0], tgt: [0] }, { src: [1], tgt: [1, 2, 3] }]);
  });
});
