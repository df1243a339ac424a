import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestMatches, buildMatchIndex, similarity } from '../../server/domain/fuzzy-match.ts';

const MEMORY = [
  { id: 1, src: '习近平会见韩国总统文在寅。' },
  { id: 2, src: '中韩两国是近邻。' },
  { id: 3, src: '提升务实合作的水平和层次。' },
  { id: 4, src: '维护国际公平正义。' },
  { id: 5, src: '习近平会见韩国总统。' },
];

describe('similarity', () => {
  it('when texts are identical, or differ only in punctuation, spacing and width, then it is 1', () => {
    expect(similarity('中韩两国是近邻。', '中韩两国是近邻。')).toBe(1);
    expect(similarity('中韩两国 是近邻！', '中韩两国是近邻')).toBe(1);
    expect(similarity('第１２条', '第12条')).toBe(1);
    expect(similarity('', '')).toBe(1);
  });

  it('when a name is dropped then it is about 0.75', () => {
    const s = similarity('习近平会见韩国总统文在寅。', '习近平会见韩国总统。');
    expect(s).toBeGreaterThanOrEqual(0.75);
    expect(s).toBeLessThanOrEqual(0.85);
  });

  it('when a character is outside the BMP then it counts as one', () => {
    expect(similarity('𠀀𪚥是扩展B区的字', '𠀀是扩展B区的字')).toBeCloseTo(1 - 1 / 9); // 9 code points, 11 UTF-16 units
    expect(similarity('𠀀', '𪚥')).toBe(0);
  });

  it('when texts share nothing then it is 0', () => {
    expect(similarity('维护国际公平正义', 'And share the results')).toBe(0);
  });
});

describe('bestMatches', () => {
  it('when a close sentence is in memory then it is found, best first', () => {
    const index = buildMatchIndex(MEMORY);
    const found = bestMatches('习近平会见韩国总统文在寅。', index, { min: 0.7, limit: 5 });
    expect(found.map((m) => m.id)).toEqual([1, 5]);
    expect(found[0]!.similarity).toBe(1);
    expect(bestMatches('习近平会见韩国总统。', index, { min: 0.7, limit: 5 })[1]).toEqual({ id: 1, similarity: 0.75, approximate: false });
  });

  it('when nothing is close then nothing is returned', () => {
    expect(bestMatches('金灿荣教授精华精选', buildMatchIndex(MEMORY), { min: 0.7, limit: 5 })).toEqual([]);
  });

  it('when the limit is smaller than the matches then only the best are kept', () => {
    expect(bestMatches('习近平会见韩国总统', MEMORY, { min: 0.5, limit: 1 }).map((m) => m.id)).toEqual([5]);
  });

  it('when the query is one character then entries with no shared bigram are still compared', () => {
    const memory = [{ id: 'a', src: '𠀀' }, { id: 'b', src: '好' }];
    expect(bestMatches('𠀀。', memory, { min: 0.7, limit: 5 })).toEqual([{ id: 'a', similarity: 1, approximate: false }]);
    expect(bestMatches('你好', [{ id: 'c', src: '您好' }], { min: 0.5, limit: 5 })).toEqual([{ id: 'c', similarity: 0.5, approximate: false }]);
  });

  it('when compared with a full scan on random memories then the prefilter loses nothing', () => {
    const text = fc.array(fc.constantFrom('习', '近', '平', '会', '见', '文', '在', '寅', '𠀀', '。'), { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 20 }), fc.constantFrom(0.3, 0.5, 0.7, 0.9), (query, srcs, min) => {
        const memory = srcs.map((src, id) => ({ id, src }));
        const scan = memory
          .map(({ id, src }) => ({ id, similarity: similarity(query, src), approximate: false }))
          .filter((m) => m.similarity >= min)
          .sort((a, b) => b.similarity - a.similarity || a.id - b.id);
        expect(bestMatches(query, buildMatchIndex(memory), { min, limit: 100 })).toEqual(scan);
      }),
      { numRuns: 500 },
    );
  });

  it('when the limit is small or entries are skipped then the best are those of a full scan, the bound pruning losing none', () => {
    // Few characters and many entries: near neighbours sharing fewer bigrams than the best, which pruning must still compare.
    const text = fc.array(fc.constantFrom('习', '近', '平', '会', '𠀀', '。'), { maxLength: 10 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 40 }), fc.constantFrom(0.3, 0.5, 0.7, 0.9), fc.constantFrom(1, 2, 3), fc.nat(4), (query, srcs, min, limit, odd) => {
        const memory = srcs.map((src, id) => ({ id, src }));
        const skip = (id: number) => id % 5 === odd;
        const scan = memory
          .filter(({ id }) => !skip(id))
          .map(({ id, src }) => ({ id, similarity: similarity(query, src), approximate: false }))
          .filter((m) => m.similarity >= min)
          .sort((a, b) => b.similarity - a.similarity || a.id - b.id);
        const index = buildMatchIndex(memory);
        expect(bestMatches(query, index, { min, limit, skip })).toEqual(scan.slice(0, limit));
        // The index's scratch counts are back to zero: a second lookup answers the same.
        expect(bestMatches(query, index, { min, limit, skip })).toEqual(scan.slice(0, limit));
      }),
      { numRuns: 2000 },
    );
  });

  it('when memory holds 50,000 sentences then a lookup finds the one close sentence (speed: test/bench/pure-speed.ts)', () => {
    const pool = [...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严'];
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const sentence = () => Array.from({ length: 12 + Math.floor(rand() * 28) }, () => pool[Math.floor(rand() * pool.length)]).join('');
    const memory = Array.from({ length: 50_000 }, (_, id) => ({ id, src: sentence() }));
    memory.push({ id: 50_000, src: '习近平会见韩国总统文在寅。' });
    const index = buildMatchIndex(memory);
    const found = bestMatches('习近平会见韩国总统。', index, { min: 0.7, limit: 5 });
    expect(found.map((m) => m.id)).toEqual([50_000]);
  });
});

describe('bestMatches work bounds', () => {
  it('when the query and many entries are 20,000-character sentences then they are compared within one budget, marked approximate', () => {
    const long = (seed: number) => Array.from({ length: 20_000 }, (_, i) => '习近平会见韩国总统文在寅'[(i * seed) % 12]).join('');
    const memory = Array.from({ length: 60 }, (_, id) => ({ id, src: long(id % 5 + 1) }));
    const found = bestMatches(long(1), buildMatchIndex(memory), { min: 0, limit: 500 });
    // The 12 copies of the query cost nothing; about ten banded comparisons spend the budget, and the rest are not made.
    expect(found.length).toBeGreaterThan(12);
    expect(found.length).toBeLessThan(30);
    expect(found[0]).toEqual({ id: 0, similarity: 1, approximate: false });
    expect(found.some((m) => m.approximate)).toBe(true);
  });
});
