import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellBudget, MAX_CELLS, REQUEST_CELLS, hter, postEditEffort, tokenDistance, wordEditDistance } from '../../server/domain/edit-distance.ts';

const MT = 'improve the level and level of pragmatic cooperation';
const FINAL = 'raise the level of practical cooperation';

describe('wordEditDistance', () => {
  it('when the post-editor drops a doubled noun and swaps two words then it counts four edits', () => {
    // improve→raise, delete "and", delete "level", pragmatic→practical
    expect(wordEditDistance(MT, FINAL, 'en')).toEqual({ edits: 4, approximate: false, cells: expect.any(Number) });
    expect(wordEditDistance(FINAL, MT, 'en').edits).toBe(4);
  });

  it('when the texts are equal then the distance is 0 whatever the spacing', () => {
    expect(wordEditDistance('safeguard  international justice', 'safeguard international justice', 'en').edits).toBe(0);
  });

  it('when a word moves then it costs a deletion and an insertion (no TER shifts)', () => {
    expect(wordEditDistance('share the results of cooperation together', 'together share the results of cooperation', 'en').edits).toBe(2);
  });

  it('when one side is empty then every token of the other is an edit', () => {
    expect(wordEditDistance('', 'And share the results of cooperation.', 'en').edits).toBe(7);
    expect(wordEditDistance('维护国际公平正义', '', 'zh').edits).toBe(4);
  });

  it('when Chinese changes a word then it is one edit, not one per character', () => {
    expect(wordEditDistance('提升务实合作的水平和层次', '提高务实合作的水平和层次', 'zh').edits).toBe(1);
  });

  it('when sentences have 200 tokens then identical ones are 0 apart and the distance is symmetric (speed: test/bench/pure-speed.ts)', () => {
    const a = Array.from({ length: 200 }, (_, i) => `w${i % 37}`);
    const b = Array.from({ length: 200 }, (_, i) => `w${(i * 7) % 41}`);
    expect(tokenDistance(a, b).edits).toBe(tokenDistance(b, a).edits);
    expect(tokenDistance(a, a).edits).toBe(0);
  });
});

describe('hter', () => {
  it('when four edits make a six-token final then HTER is 4/6', () => {
    expect(hter(MT, FINAL, 'en').value).toBeCloseTo(4 / 6);
  });

  it('when the final text is empty then it divides by 1, not 0', () => {
    expect(hter('And share', '', 'en').value).toBe(2);
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
    expect(postEditEffort([])).toEqual({ pairs: 0, changed: 0, changedShare: 0, totalEdits: 0, meanHter: 0, totalSeconds: 0, approximatePairs: 0 });
  });
});

describe('tokenDistance work bounds', () => {
  const words = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it('when a 40,000-word sentence is compared with itself then no table cell is computed', () => {
    const a = words(40_000, 'w');
    expect(tokenDistance(a, [...a])).toEqual({ edits: 0, approximate: false, cells: 0 });
  });

  it('when two words of a 40,000-word sentence changed far apart then the band finds the exact count within the budget', () => {
    const a = words(40_000, 'w');
    const b = [...a];
    b[12_345] = 'changed';
    b.splice(30_000, 1);
    expect(tokenDistance(a, b)).toMatchObject({ edits: 2, approximate: false });
    expect(tokenDistance(a, b).cells).toBeLessThanOrEqual(MAX_CELLS + 40_000);
  });

  it('when two 40,000-word sentences differ everywhere then the work stays within the budget and the count is an upper bound, marked approximate', () => {
    const d = tokenDistance(words(40_000, 'a'), words(39_000, 'b'));
    expect(d.approximate).toBe(true);
    expect(d.cells).toBeLessThanOrEqual(MAX_CELLS + 40_000);
    expect(d.edits).toBe(40_000);
  });

  it('when the band is narrow then the count is never below the exact one, and equals it when the table fits', () => {
    const tokens = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 40 });
    fc.assert(fc.property(tokens, tokens, fc.integer({ min: 1, max: 60 }), (a, b, maxCells) => {
      const exact = tokenDistance(a, b, Number.MAX_SAFE_INTEGER);
      const banded = tokenDistance(a, b, maxCells);
      expect(exact.approximate).toBe(false);
      expect(banded.edits).toBeGreaterThanOrEqual(exact.edits);
      expect(banded.edits).toBeLessThanOrEqual(Math.max(a.length, b.length));
      if (!banded.approximate) expect(banded.edits).toBe(exact.edits);
    }), { numRuns: 500 });
  });

  it('when a pair is too long to compare exactly then the effort says how many pairs were estimated', () => {
    const long = (prefix: string) => words(5_000, prefix).join(' ');
    const effort = postEditEffort([{ mt: long('a'), final: long('b'), seconds: 1 }, { mt: MT, final: FINAL, seconds: 1 }]);
    expect(effort.approximatePairs).toBe(1);
    expect(hter(long('a'), long('b'), 'en')).toMatchObject({ value: 1, approximate: true });
  });

  it('when a thousand long pairs share one request budget then the cells stop at it and the rest are cut-off estimates', () => {
    const budget = new CellBudget();
    let cells = 0;
    let estimated = 0;
    for (let k = 0; k < 1000; k++) {
      const d = tokenDistance(words(1_500, `a${k}-`), words(1_500, `b${k}-`), budget.next);
      budget.spend(d);
      cells += d.cells;
      if (d.approximate && d.cells === 0) estimated++;
      expect(d.edits).toBe(1_500);
    }
    expect(cells).toBeLessThanOrEqual(REQUEST_CELLS + MAX_CELLS);
    expect(estimated).toBeGreaterThan(900);
  });
});
