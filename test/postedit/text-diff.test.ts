import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTexts, type DiffPart } from '../../server/domain/text-diff.ts';
import { tokenizeWords } from '../../server/domain/tokenize-words.ts';

const diffParts = (before: string, after: string, lang: 'zh' | 'en') => diffTexts(before, after, lang).parts;
const side = (parts: DiffPart[], keep: 'insert' | 'delete') =>
  parts.filter((p) => p.op === 'equal' || p.op === keep).map((p) => p.text).join('');

describe('tokenizeWords', () => {
  it('when English has hyphenated names, apostrophes and figures then each is one token', () => {
    expect(tokenizeWords('Xi Jinping met Moon Jae-in, Korea’s president, in 2019 (3.5%).', 'en')).toEqual([
      'Xi', 'Jinping', 'met', 'Moon', 'Jae-in', ',', 'Korea’s', 'president', ',', 'in', '2019', '(', '3.5', '%', ')', '.',
    ]);
  });

  it('when Chinese is segmented then words come from the ICU dictionary and spaces vanish', () => {
    expect(tokenizeWords('提升务实合作的水平和层次。 ', 'zh')).toEqual(['提升', '务实', '合作', '的', '水平', '和', '层次', '。']);
  });

  it('when a character is outside the BMP then it stays whole', () => {
    expect(tokenizeWords('𠀀 and 😀', 'en')).toEqual(['𠀀', 'and', '😀']);
  });
});

describe('diffTexts', () => {
  it('when the post-editor rewrites a doubled noun then only those words change', () => {
    const mt = 'improve the level and level of pragmatic cooperation';
    const final = 'raise the level of practical cooperation';
    const parts = diffParts(mt, final, 'en');
    expect(parts).toContainEqual({ op: 'delete', text: 'improve' });
    expect(parts).toContainEqual({ op: 'insert', text: 'raise' });
    expect(parts.filter((p) => p.op === 'delete').map((p) => p.text).join('|')).toContain('and level');
    expect(side(parts, 'delete')).toBe(mt);
    expect(side(parts, 'insert')).toBe(final);
  });

  it('when nothing changed then there is one equal part', () => {
    const text = 'safeguard international fairness and justice';
    expect(diffParts(text, text, 'en')).toEqual([{ op: 'equal', text }]);
  });

  it('when a fragment gains a subject then the rest is equal', () => {
    expect(diffParts('And share the results of cooperation.', 'The two peoples share the results of cooperation.', 'en'))
      .toEqual([
        { op: 'delete', text: 'And' },
        { op: 'insert', text: 'The two peoples' },
        { op: 'equal', text: ' share the results of cooperation.' },
      ]);
  });

  it('when Chinese words change then the diff is by word, not by character', () => {
    const parts = diffParts('提升务实合作的水平和层次', '提高务实合作的水平', 'zh');
    expect(parts[0]).toEqual({ op: 'delete', text: '提升' });
    expect(parts[1]).toEqual({ op: 'insert', text: '提高' });
    expect(side(parts, 'insert')).toBe('提高务实合作的水平');
  });

  it('when either side is empty then the whole other side is one part', () => {
    expect(diffParts('', 'Moon Jae-in', 'en')).toEqual([{ op: 'insert', text: 'Moon Jae-in' }]);
    expect(diffParts('文在寅', '', 'zh')).toEqual([{ op: 'delete', text: '文在寅' }]);
    expect(diffParts('', '', 'zh')).toEqual([]);
  });

  it('when strings are random (CJK, emoji, Extension B, spaces) then the parts reassemble both sides', () => {
    const pieces = fc.constantFrom('习近平', '会见', '文在寅', '𠀀', '𪚥', '😀', '👩‍💻', ' ', '  ', '\n', 'level', 'and', "Korea's", 'Jae-in', '，', '。', '.', '3.5', 'a', '-');
    const text = fc.oneof(fc.array(pieces, { maxLength: 12 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 20 }));
    fc.assert(
      fc.property(text, text, fc.constantFrom('zh' as const, 'en' as const), (before, after, lang) => {
        const parts = diffParts(before, after, lang);
        expect(side(parts, 'delete')).toBe(before);
        expect(side(parts, 'insert')).toBe(after);
        expect(parts.every((p) => p.text.length > 0)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('when a 40,000-word sentence gets one word changed then the diff is exact and shows that word', () => {
    const words = Array.from({ length: 40_000 }, (_, i) => `w${i}`);
    const after = [...words];
    after[20_000] = 'changed';
    const d = diffTexts(words.join(' '), after.join(' '), 'en');
    expect(d.approximate).toBe(false);
    expect(d.parts.filter((p) => p.op !== 'equal')).toEqual([{ op: 'delete', text: 'w20000' }, { op: 'insert', text: 'changed' }]);
  });

  it('when two long texts share nothing but their ends then the diff is one replacement, marked approximate', () => {
    const before = `Start ${Array.from({ length: 20_000 }, (_, i) => `a${i}`).join(' ')} end.`;
    const after = `Start ${Array.from({ length: 20_000 }, (_, i) => `b${i}`).join(' ')} end.`;
    const d = diffTexts(before, after, 'en');
    expect(d.approximate).toBe(true);
    expect(d.parts.map((p) => p.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(side(d.parts, 'delete')).toBe(before);
    expect(side(d.parts, 'insert')).toBe(after);
  });
});
