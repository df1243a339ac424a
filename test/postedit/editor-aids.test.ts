import { describe, expect, it } from 'vitest';
import { matchAids, rowTerms, suggestion } from '../../server/domain/editor-aids.ts';

describe('what the pair editor offers', () => {
  const src = '习近平会见韩国总统文在寅。';
  const glossary = [
    { zh: '文在寅', en: 'Moon Jae-in', note: null },
    { zh: '习近平', en: 'Xi Jinping', note: 'always in full' },
    { zh: '一带一路', en: 'Belt and Road Initiative', note: null },
    { zh: '习近平', en: 'Xi Jinping', note: 'a second copy' },
  ];

  it('when terms occur in the source then they are listed once each, in the order they occur', () => {
    expect(rowTerms(src, glossary)).toEqual([
      { zh: '习近平', en: 'Xi Jinping', note: 'always in full' },
      { zh: '文在寅', en: 'Moon Jae-in', note: null },
    ]);
  });

  const fromDocument = { approximate: false, origin: '中韩会谈', fromFile: false };

  it('when a match has another source then the diff turns its source into this one; a same source is exact with no diff', () => {
    const [fuzzy, exact] = matchAids(src, [
      { src: '习近平会见日本首相。', tgt: 'Xi meets the Japanese prime minister.', similarity: 0.72, ...fromDocument },
      { src, tgt: 'Xi Jinping meets Moon Jae-in.', similarity: 1, ...fromDocument },
    ]);
    expect(fuzzy!.exact).toBe(false);
    expect(fuzzy!.diff.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe('习近平会见日本首相。');
    expect(fuzzy!.diff.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(src);
    expect(exact).toMatchObject({ exact: true, similarity: 1, diff: [] });
  });

  it('when a row is untranslated or machine then an exact match is suggested; a person\'s translation or the same text is not replaced', () => {
    const matches = matchAids(src, [{ src, tgt: 'Xi Jinping meets Moon Jae-in.', similarity: 1, ...fromDocument }]);
    expect(suggestion({ tgt: '', state: 0 }, matches)).toBe('Xi Jinping meets Moon Jae-in.');
    expect(suggestion({ tgt: 'Xi meets Moon.', state: 10 }, matches)).toBe('Xi Jinping meets Moon Jae-in.');
    expect(suggestion({ tgt: 'Xi meets Moon.', state: 20 }, matches)).toBeUndefined();
    expect(suggestion({ tgt: 'Xi meets Moon.', state: 25 }, matches)).toBeUndefined();
    expect(suggestion({ tgt: 'Xi Jinping meets Moon Jae-in.', state: 10 }, matches)).toBeUndefined();
    expect(suggestion({ tgt: '', state: 0 }, matchAids(src, [{ src: '习近平会见日本首相。', tgt: 'x', similarity: 0.9, ...fromDocument }]))).toBeUndefined();
  });
});
