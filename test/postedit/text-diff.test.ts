import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTexts, type DiffPart } from '../../server/domain/text-diff.ts';
import { tokenizeWords } from '../../server/domain/tokenize-words.ts';

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
    const parts = diffTexts(mt, final, 'en');
    expect(parts).toContainEqual({ op: 'delete', text: 'improve' });
    expect(parts).toContainEqual({ op: 'insert', text: 'raise' });
    expect(parts.filter((p) => p.op === 'delete').map((p) => p.text).join('|')).toContain('and level');
    expect(side(parts, 'delete')).toBe(mt);
    expect(side(parts, 'insert')).toBe(final);
  });

  it('when nothing changed then there is one equal part', () => {
    const text = 'safeguard international fairness and justice';
    expect(diffTexts(text, text, 'en')).toEqual([{ op: 'equal', text }]);
  });

  it('when a fragment gains a subject then the rest is equal', () => {
    expect(diffTexts('And share the results of cooperation.', 'The two peoples share the results of cooperation.', 'en'))
      .toEqual([
        { op: 'delete', text: 'And' },
        { op: 'insert', text: 'The two peoples' },
        { op: 'equal', text: ' share the results of cooperation.' },
      ]);
  });

  it('when Chinese words change then the diff is by word, not by character', () => {
    const parts = diffTexts('提升务实合作的水平和层次', '提高务实合作的水平', 'zh');
    expect(parts[0]).toEqual({ op: 'delete', text: '提升' });
    expect(parts[1]).toEqual({ op: 'insert', text: '提高' });
    expect(side(parts, 'insert')).toBe('提高务实合作的水平');
  });

  it('when either side is empty then the whole other side is one part', () => {
    expect(diffTexts('', 'Moon Jae-in', 'en')).toEqual([{ op: 'insert', text: 'Moon Jae-in' }]);
    expect(diffTexts('文在寅', '', 'zh')).toEqual([{ op: 'delete', text: '文在寅' }]);
    expect(diffTexts('', '', 'zh')).toEqual([]);
  });

  it('when strings are random (CJK, emoji, Extension B, spaces) then the parts reassemble both sides', () => {
    const pieces = fc.constantFrom('习近平', '会见', '文在寅', '𠀀', '𪚥', '😀', '👩‍💻', ' ', '  ', '\n', 'level', 'and', "Korea's", 'Jae-in', '，', '。', '.', '3.5', 'a', '-');
    const text = fc.oneof(fc.array(pieces, { maxLength: 12 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 20 }));
    fc.assert(
      fc.property(text, text, fc.constantFrom('zh' as const, 'en' as const), (before, after, lang) => {
        const parts = diffTexts(before, after, lang);
        expect(side(parts, 'delete')).toBe(before);
        expect(side(parts, 'insert')).toBe(after);
        expect(parts.every((p) => p.text.length > 0)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
