// Quotation marks: English quotes told from apostrophes, where quotations stay open, and how far two sides agree on them.

import { describe, expect, it } from 'vitest';
import { chineseQuotes, englishQuotes, holdsSpeech, inQuote, quoteAgreement } from '../../server/align/quotes.ts';

describe('englishQuotes', () => {
  it('when single quotes open and close speech then apostrophes inside and after words are not marks', () => {
    expect(englishQuotes("'You don't know the boys' game!' he jeered.")).toEqual(['“', '”']);
    expect(englishQuotes("'Very well.")).toEqual(['“']);
    expect(englishQuotes("Come over here!'")).toEqual(['”']);
  });

  it('when double quotes are straight then they alternate, and curly ones say which they are', () => {
    expect(englishQuotes('"Enough," Sha said, "more than enough."')).toEqual(['“', '”', '“', '”']);
    expect(englishQuotes('he had said “no” twice')).toEqual(['“', '”']);
  });

  it('when a straight quote closes a quotation opened in an earlier sentence then it is a closing mark', () => {
    expect(englishQuotes('Good, then I\'ll take you on a tour."')).toEqual(['”']);
    expect(englishQuotes('"It\'s getting dark.')).toEqual(['“']);
    expect(inQuote(['"It\'s getting dark.', 'Our parents will be worried!"', 'The night was moonless.'].map(englishQuotes))).toEqual([true, false, false]);
  });
});

describe('holdsSpeech', () => {
  it('when speech and its attribution are two Chinese sentences then only the first holds speech', () => {
    expect(holdsSpeech(['“死了？”', '吹鼓手提着打瘪了的喇叭说。', '「好。」他说。'], 'zh')).toEqual([true, false, true]);
  });

  it('when an English quotation runs over sentences then each holds speech until it closes', () => {
    const en = ["'Is he dead?' asked the musician.", '"It\'s getting dark.', 'Our parents will be worried!"', 'The night was moonless.'];
    expect(holdsSpeech(en, 'en')).toEqual([true, true, true, false]);
  });

  it('when a sentence holds only quotation marks and no words inside them then it holds no speech', () => {
    expect(holdsSpeech(['他说：“', '”'], 'zh')).toEqual([false, false]);
  });
});

describe('inQuote', () => {
  it('when a quotation runs over several sentences then they end inside it until it closes', () => {
    const zh = ['海老公道：“好，你过来！', '我有话说。', '你听着。”', '他走了。', '「好。」'];
    expect(inQuote(zh.map(chineseQuotes))).toEqual([true, true, false, false, false]);
  });

  it('when a closing mark is missing then the next opening or closing mark sets the state again', () => {
    expect(inQuote([['“'], [], ['“'], ['”'], []])).toEqual([true, true, true, false, false]);
  });
});

describe('quoteAgreement', () => {
  const anchors = (n: number) => Array.from({ length: n }, (_, k) => ({ src: k, tgt: k, weight: 1 }));

  it('when both sides open and close quotations at the same anchors then agreement is full', () => {
    const states = [true, false, true, true, false, false];
    expect(quoteAgreement(anchors(6), states, states)).toBeCloseTo(1);
  });

  it('when one side has no quotations then nothing is learned', () => {
    expect(quoteAgreement(anchors(4), [true, false, true, false], [false, false, false, false])).toBe(0);
    expect(quoteAgreement([], [], [])).toBe(0);
  });

  it('when the sides agree only as chance would then agreement is zero', () => {
    expect(quoteAgreement(anchors(4), [true, true, false, false], [true, false, true, false])).toBe(0);
  });
});
