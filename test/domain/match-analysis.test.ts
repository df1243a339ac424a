import { describe, expect, it } from 'vitest';
import { addTallies, analyseMatches, bandOf, BANDS, noTallies, repetitions, summarise, tallySlice, type BestMatch } from '../../server/domain/match-analysis.ts';
import { bestMatches, buildMatchIndex } from '../../server/domain/fuzzy-match.ts';

describe('bandOf', () => {
  it('when a match rounds to a whole percent then it is banded by that percent, as the editor shows it', () => {
    expect(bandOf({ similarity: 1 })).toBe('100');
    expect(bandOf({ similarity: 0.996 })).toBe('100'); // the editor shows 100%
    expect(bandOf({ similarity: 0.994 })).toBe('95-99');
    expect(bandOf({ similarity: 0.95 })).toBe('95-99');
    expect(bandOf({ similarity: 0.944 })).toBe('85-94');
    expect(bandOf({ similarity: 0.85 })).toBe('85-94');
    expect(bandOf({ similarity: 0.84 })).toBe('75-84');
    expect(bandOf({ similarity: 0.75 })).toBe('75-84');
    expect(bandOf({ similarity: 0.7 })).toBe('70-74');
    expect(bandOf({ similarity: 0.69 })).toBe('none');
    expect(bandOf(null)).toBe('none');
  });
});

describe('analyseMatches', () => {
  const byBand = (a: ReturnType<typeof analyseMatches>) => Object.fromEntries(a.bands.map((b) => [b.band, [b.pairs, b.words]]));

  it('when the same Chinese comes again, however punctuated or spaced, then it is a repetition and is not looked up', () => {
    const looked: string[] = [];
    const a = analyseMatches([{ src: '中韩两国是近邻。' }, { src: '中韩两国 是近邻！' }, { src: '维护国际公平正义。' }], (src) => {
      looked.push(src);
      return null;
    });
    expect(looked).toEqual(['中韩两国是近邻。', '维护国际公平正义。']);
    expect(byBand(a).repetition).toEqual([1, 7]);
    expect(byBand(a).none).toEqual([2, 15]);
  });

  it('when pairs have no Chinese then none of them is a repetition of another', () => {
    const a = analyseMatches([{ src: '' }, { src: '' }], () => null);
    expect(byBand(a)).toMatchObject({ repetition: [0, 0], none: [2, 0] });
    expect(a.bands.every((b) => b.share === 0)).toBe(true);
  });

  it('when matches are found then each band counts its pairs and words, and the shares add up to one', () => {
    const memory = buildMatchIndex([
      { id: 1, src: '习近平会见韩国总统文在寅。' },
      { id: 2, src: '提升务实合作的水平和层次。' },
    ]);
    const best = (src: string): BestMatch | null => bestMatches(src, memory, { limit: 1 })[0] ?? null;
    const a = analyseMatches([
      { src: '习近平会见韩国总统文在寅。' }, // 100 %
      { src: '提升务实合作的水平。' }, // 9 of 12 characters: 75 %
      { src: '𠮷野家在G20峰会上。' }, // no match; 𠮷 is one word
      { src: '习近平会见韩国总统文在寅' }, // a repetition (no full stop)
    ], best);
    expect(byBand(a)).toEqual({
      repetition: [1, 12], '100': [1, 12], '95-99': [0, 0], '85-94': [0, 0], '75-84': [1, 9], '70-74': [0, 0], none: [1, 8],
    });
    expect(a.total).toEqual({ pairs: 4, words: 41 });
    expect(a.bands.map((b) => b.band)).toEqual([...BANDS]);
    expect(a.bands.reduce((sum, b) => sum + b.share, 0)).toBeCloseTo(1, 12);
    expect(a.bands.find((b) => b.band === '75-84')!.share).toBeCloseTo(9 / 41, 12);
  });
});

describe('bestMatches with skip', () => {
  it('when an entry is skipped then a worse one is found instead', () => {
    const memory = buildMatchIndex([{ id: 1, src: '中韩两国是近邻。' }, { id: 2, src: '中韩两国是好邻居。' }]);
    expect(bestMatches('中韩两国是近邻。', memory, { limit: 1 })[0]!.id).toBe(1);
    expect(bestMatches('中韩两国是近邻。', memory, { limit: 1, skip: (id) => id === 1 })[0]!.id).toBe(2);
    expect(bestMatches('中韩两国是近邻。', memory, { skip: () => true })).toEqual([]);
  });
});

describe('tallySlice', () => {
  it('when a document is banded in slices of every size then the slices add up to the whole, a repetition of an earlier slice included', () => {
    const srcs = ['中韩两国是近邻。', '维护国际公平正义。', '', '中韩两国 是近邻！', '提升务实合作的水平。', '维护国际公平正义', '𠮷野家在G20峰会上。'];
    const best = (src: string): BestMatch | null => (src.startsWith('中韩') ? { similarity: 1 } : src.startsWith('提升') ? { similarity: 0.75 } : null);
    const whole = analyseMatches(srcs.map((src) => ({ src })), best);
    expect(whole.bands.find((b) => b.band === 'repetition')!.pairs).toBe(2);
    const repeats = repetitions(srcs);
    for (let size = 1; size <= srcs.length; size++) {
      const tallies = noTallies();
      for (let from = 0; from < srcs.length; from += size) addTallies(tallies, tallySlice(srcs, repeats, from, from + size, best));
      expect(summarise(tallies, srcs.length), `slices of ${size}`).toEqual(whole);
    }
  });
});
