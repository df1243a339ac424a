// English stems as the aligner compares them: a gloss and a sentence must meet on the same stem.

import { describe, expect, it } from 'vitest';
import { contentStems, stem } from '../../server/align/english-words.ts';
import { englishNumberTokens } from '../../server/align/numbers.ts';

describe('stem', () => {
  it('when a plural voices a final f then it stems like the singular', () => {
    const pairs: [string, string][] = [['wife', 'wives'], ['knife', 'knives'], ['thief', 'thieves'], ['calf', 'calves'], ['staff', 'staves']];
    for (const [singular, plural] of pairs) expect(stem(plural)).toBe(stem(singular));
  });

  it('when a word ends in -est of its own then every form of it stems alike, and a superlative meets its adjective', () => {
    for (const word of ['protest', 'interest', 'request', 'forest', 'priest']) {
      for (const form of [`${word}s`, `${word}ed`, `${word}ing`]) expect(stem(form), form).toBe(stem(word));
    }
    expect(stem('protest')).toBe('protest');
    expect(stem('honestly')).toBe(stem('honest'));
    const pairs: [string, string][] = [['greatest', 'great'], ['biggest', 'big'], ['nearest', 'near'], ['latest', 'late'], ['knowest', 'know']];
    for (const [form, base] of pairs) expect(stem(form), form).toBe(stem(base));
  });

  it('when a word is irregular then it meets its dictionary form', () => {
    expect(stem('brethren')).toBe(stem('brother'));
    expect(stem('spake')).toBe(stem('speak'));
    const forms: [string, string][] = [['gave', 'give'], ['wrote', 'write'], ['felt', 'feel'], ['chosen', 'choose'], ['began', 'begin']];
    for (const [past, base] of forms) expect(stem(past)).toBe(stem(base));
  });
});

describe('contentStems', () => {
  it('when a word names a member every object inherits then it stems as a word', () => {
    expect(contentStems('The constructor read toString aloud.')).toEqual(['constructor', 'read', 'tostr', 'aloud']);
  });

  it('when a sentence holds such a word then it yields no number', () => {
    expect(englishNumberTokens('The constructor came, and then valueOf.')).toEqual([]);
    expect(englishNumberTokens('twenty-one constructors')).toEqual(['#21']);
  });

  it('when a sentence has function words then only the content words remain', () => {
    expect(contentStems('And he desired many wives.')).toEqual([stem('desired'), stem('wife')]);
  });

  it('when a word is contracted then the pieces are not content words, and a negation stays one', () => {
    expect(contentStems("She didn't know they'd gone; I'll wait, won't I? We're here, you've seen it.")).toEqual(
      ['not', stem('know'), stem('gone'), stem('wait'), 'not', stem('seen')].map(stem),
    );
    expect(contentStems('‘Don’t you can’t,’ he said.')).toEqual(['not', 'not', stem('said')]);
  });
});
