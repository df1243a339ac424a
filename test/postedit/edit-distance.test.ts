import { describe, expect, it } from 'vitest';
import { hter, postEditEffort, tokenDistance, wordEditDistance } from '../../server/domain/edit-distance.ts';

const MT = 'improve the level and level of pragmatic cooperation';
const FINAL = 'raise the level of practical cooperation';

describe('wordEditDistance', () => {
  it('when the post-editor drops a doubled noun and swaps two words then it counts four edits', () => {
    // improve→raise, delete "and", delete "level", pragmatic→practical
    expect(wordEditDistance(MT, FINAL, 'en')).toBe(4);
    expect(wordEditDistance(FINAL, MT, 'en')).toBe(4);
  });

  it('when the texts are equal then the distance is 0 whatever the spacing', () => {
    expect(wordEditDistance('safeguard  international justice', 'safeguard international justice', 'en')).toBe(0);
  });

  it('when a word moves then it costs a deletion and an insertion (no TER shifts)', () => {
    expect(wordEditDistance('share the results of cooperation together', 'together share the results of cooperation', 'en')).toBe(2);
  });

  it('when one side is empty then every token of the other is an edit', () => {
    expect(wordEditDistance('', 'And share the results of cooperation.', 'en')).toBe(7);
    expect(wordEditDistance('维护国际公平正义', '', 'zh')).toBe(4);
  });

  it('when Chinese changes a word then it is one edit, not one per character', () => {
    expect(wordEditDistance('提升务实合作的水平和层次', '提高务实合作的水平和层次', 'zh')).toBe(1);
  });

  it('when sentences have 200 tokens then the distance is computed quickly', () => {
    const a = Array.from({ length: 200 }, (_, i) => `w${i % 37}`);
    const b = Array.from({ length: 200 }, (_, i) => `w${(i * 7) % 41}`);
    const t0 = performance.now();
    for (let k = 0; k < 50; k++) tokenDistance(a, b);
    expect((performance.now() - t0) / 50).toBeLessThan(20);
    expect(tokenDistance(a, a)).toBe(0);
  });
});

describe('hter', () => {
  it('when four edits make a six-token final then HTER is 4/6', () => {
    expect(hter(MT, FINAL, 'en')).toBeCloseTo(4 / 6);
  });

  it('when the final text is empty then it divides by 1, not 0', () => {
    expect(hter('And share', '', 'en')).toBe(2);
  });
});

describe('postEditEffort', () => {
  it('when some drafts were changed then it sums edits, time and the changed share', () => {
    const effort = postEditEffort([
      { mt: MT, final: FINAL, seconds: 40 },
      { mt: 'safeguard international justice and justice', final: 'uphold international fairness and justice', seconds: 20 },
      { mt: 'China and South Korea are close neighbours.', final: 'China and South Korea are close neighbours.', seconds: 3 },
    ]);
    expect(effort).toMatchObject({ pairs: 3, changed: 2, totalEdits: 6, totalSeconds: 63 });
    expect(effort.changedShare).toBeCloseTo(2 / 3);
    expect(effort.meanHter).toBeCloseTo((4 / 6 + 2 / 5 + 0) / 3);
  });

  it('when the document is empty then every figure is 0', () => {
    expect(postEditEffort([])).toEqual({ pairs: 0, changed: 0, changedShare: 0, totalEdits: 0, meanHter: 0, totalSeconds: 0 });
  });
});
