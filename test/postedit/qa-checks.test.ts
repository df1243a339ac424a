import { describe, expect, it } from 'vitest';
import { lengthNorm, qaChecks, type QaContext } from '../../server/domain/qa-checks.ts';
import { chineseNumeralValue } from '../../server/domain/chinese-numerals.ts';

const CTX: QaContext = {
  glossary: [
    { zh: '习近平', en: 'Xi Jinping' },
    { zh: '文在寅', en: 'Moon Jae-in' },
    { zh: '务实合作', en: 'practical cooperation' },
  ],
  lengthRatio: { mean: Math.log(3), sd: 0.25 },
};
const codes = (src: string, tgt: string, ctx = CTX) => qaChecks({ src, tgt }, ctx).map((f) => f.code);
const flag = (code: string, src: string, tgt: string, ctx = CTX) => qaChecks({ src, tgt }, ctx).find((f) => f.code === code);

describe('qaChecks on a clean pair', () => {
  it('when the pair is a faithful translation then nothing is flagged', () => {
    expect(qaChecks({ src: '中韩两国是近邻。', tgt: 'China and South Korea are close neighbours.' }, CTX)).toEqual([]);
    expect(codes('12月23日，习近平在北京会见韩国总统文在寅。', 'On December 23, Xi Jinping met South Korean President Moon Jae-in in Beijing.')).toEqual([]);
    expect(codes('习近平会见文在寅', 'Xi Jinping meets Moon Jae-in')).toEqual([]);
  });

  it('when the source is empty then there is nothing to check', () => {
    expect(qaChecks({ src: '  ', tgt: '' }, CTX)).toEqual([]);
  });
});

describe('numbers', () => {
  it('when Chinese numerals are written out then they are normalised', () => {
    expect(chineseNumeralValue('二十一')).toBe(21);
    expect(chineseNumeralValue('一千二百')).toBe(1200);
    expect(chineseNumeralValue('一千零五')).toBe(1005);
    expect(chineseNumeralValue('两')).toBe(2);
    expect(chineseNumeralValue('一九五〇')).toBe(1950);
    expect(chineseNumeralValue('一亿二千万')).toBe(120_000_000);
    expect(chineseNumeralValue('三点五')).toBe(3.5);
    expect(chineseNumeralValue('abc')).toBeUndefined();
  });

  it('when the same figures appear in different notations then nothing is flagged', () => {
    const same: [string, string][] = [
      ['这是两国元首第八次会晤。', 'This is the eighth meeting between the two heads of state.'],
      ['这是两国元首第八次会晤。', 'This is the 8th meeting between the two heads of state.'],
      ['双方贸易额增长百分之五。', 'Bilateral trade grew by 5%.'],
      ['共有二十一个项目。', 'There are twenty-one projects.'],
      ['共有一千二百人参加。', 'A total of 1,200 people took part.'],
      ['共有１２人参加。', 'Twelve people took part.'],
      ['朝鲜战争发生在1950年至1953年。', 'The Korean War was fought in 1950-53.'],
      ['贸易额达到3000亿美元。', 'Trade reached 300 billion US dollars.'],
      ['两国建交已有二十八年。', 'The two countries established ties 28 years ago.'],
      ['新华社北京12月23日电', 'BEIJING, Dec. 23 (Xinhua)'],
    ];
    for (const [src, tgt] of same) expect(flag('numbers', src, tgt), `${src} / ${tgt}`).toBeUndefined();
  });

  it('when a Chinese ordinal is idiom (第二天, 第一次) and the English has no other ordinal or figure then it is not missing', () => {
    expect(flag('numbers', '第二天，双方继续会谈。', 'The next day, the two sides continued their talks.')).toBeUndefined();
    expect(flag('numbers', '这是他第一次访华。', 'It is his first visit to China.')).toBeUndefined();
    expect(flag('numbers', '这是他首次访华，第一次来北京。', 'It is his maiden visit to China and to Beijing.')).toBeUndefined();
    expect(flag('numbers', '双方将开拓第三方市场。', 'The two sides will develop markets in other countries.')).toBeUndefined();
  });

  it('when a Chinese ordinal meets a different ordinal or figure in the English then it is missing', () => {
    expect(flag('numbers', '第二天，双方继续会谈。', 'On the third day, both sides continued their talks.')?.params).toEqual({ missing: '2', extra: '' });
    expect(flag('numbers', '第二天，双方继续会谈。', '3 days later, both sides continued their talks.')?.params).toEqual({ missing: '2', extra: '3' });
    expect(flag('numbers', '这是两国元首第八次会晤。', 'This is the ninth meeting between the two heads of state.')?.params).toEqual({ missing: '8', extra: '' });
  });

  it('when the ordinal differs then both numbers are named', () => {
    const f = flag('numbers', '这是两国元首第八次会晤。', 'This is the 7th meeting between the two heads of state.');
    expect(f?.params).toEqual({ missing: '8', extra: '7' });
    expect(f?.message).toBe('Numbers differ: 8 in the Chinese is missing from the English; 7 in the English is not in the Chinese.');
  });

  it('when a written-out number or a year is wrong then it is flagged', () => {
    expect(flag('numbers', '共有二十一个项目。', 'There are twenty projects.')?.params).toEqual({ missing: '21', extra: '20' });
    expect(flag('numbers', '朝鲜战争发生在1950年至1953年。', 'The Korean War was fought in 1950-52.')?.params)
      .toEqual({ missing: '1953', extra: '1952' });
    expect(flag('numbers', '增长百分之五。', 'It grew by 15%.')?.params).toEqual({ missing: '5', extra: '15' });
  });

  it('when small numbers are words (两国, both, one) then they need not match', () => {
    expect(flag('numbers', '两国人民要一起努力。', 'The peoples of both countries should work together.')).toBeUndefined();
    expect(flag('numbers', '千万不要忘记。', 'We must never forget.')).toBeUndefined();
  });
});

describe('glossary', () => {
  it('when a term has several agreed translations (a termbase\'s synonyms) then any one of them satisfies it, and the flag names them all', () => {
    const glossary = [{ zh: '务实合作', en: 'practical cooperation' }, { zh: '务实合作', en: 'pragmatic cooperation' }, { zh: '务实合作', en: 'practical cooperation' }];
    const ctx = { ...CTX, glossary };
    expect(qaChecks({ src: '深化务实合作。', tgt: 'Deepen pragmatic cooperation.' }, ctx).filter((f) => f.code === 'glossary')).toEqual([]);
    const [f, ...more] = qaChecks({ src: '深化务实合作。', tgt: 'Deepen hands-on cooperation.' }, ctx).filter((x) => x.code === 'glossary');
    expect(more).toEqual([]);
    expect(f!.params).toEqual({ zh: '务实合作', en: 'practical cooperation / pragmatic cooperation' });
    expect(f!.message).toBe('The glossary translates 务实合作 as “practical cooperation” or “pragmatic cooperation”, which the English does not use.');
  });

  it('when terms overlap, start with a character outside the BMP or are one character long then each found is checked, in code-point order', () => {
    const glossary = [{ zh: '𠀀𪚥', en: 'rare glyphs' }, { zh: '韩', en: 'ROK' }, { zh: '中韩', en: 'China-ROK' }, { zh: '中韩关系', en: 'China-ROK relations' }];
    const flags = qaChecks({ src: '𠀀𪚥与中韩关系。', tgt: 'Glyphs and relations between China and Korea.' }, { ...CTX, glossary }).filter((f) => f.code === 'glossary');
    expect(flags.map((f) => f.params.zh)).toEqual(['中韩', '中韩关系', '韩', '𠀀𪚥']);
    expect(qaChecks({ src: '𠀀𪚥与中韩关系。', tgt: 'Rare glyphs and China-ROK relations (ROK).' }, { ...CTX, glossary }).filter((f) => f.code === 'glossary')).toEqual([]);
  });

  it('when an agreed term is missing then the flag names it', () => {
    const f = flag('glossary', '提升务实合作的水平和层次。', 'Improve the level and level of pragmatic cooperation.');
    expect(f?.params).toEqual({ zh: '务实合作', en: 'practical cooperation' });
  });

  it('when the term is there in another case then it is not flagged', () => {
    expect(flag('glossary', '习近平会见文在寅。', 'XI JINPING met moon jae-in.')).toBeUndefined();
  });

  it('when the term only appears inside a longer word then it is missing', () => {
    const ctx = { ...CTX, glossary: [{ zh: '近邻', en: 'neighbour' }] };
    expect(flag('glossary', '中韩两国是近邻。', 'China and South Korea share a neighbourhood.', ctx)).toBeDefined();
  });

  it('when the term is there in the plural then it is not missing', () => {
    const ctx = { ...CTX, glossary: [{ zh: '近邻', en: 'neighbour' }, { zh: '牛肉饭', en: 'beef rice bowl' }, { zh: '政策', en: 'policy' }, { zh: '税', en: 'tax' }] };
    expect(flag('glossary', '中韩两国是近邻。', 'China and South Korea are close neighbours.', ctx)).toBeUndefined();
    expect(flag('glossary', '他卖了二十一年的牛肉饭。', 'He sold beef rice bowls for 21 years.', ctx)).toBeUndefined();
    expect(flag('glossary', '两国的政策。', 'The two countries’ policies.', ctx)).toBeUndefined();
    expect(flag('glossary', '含税。', 'Taxes included.', ctx)).toBeUndefined();
    expect(flag('glossary', '含税。', 'Taxis included.', ctx)?.params.en).toBe('tax');
  });
});

describe('repeated words', () => {
  it('when MT doubles a noun with "and" then the phrase is flagged', () => {
    expect(flag('repeated', '提升务实合作的水平和层次。', 'Improve the level and level of practical cooperation.')?.params)
      .toEqual({ phrase: 'level and level', repeated: 'level' });
    expect(flag('repeated', '维护国际公平正义。', 'Safeguard international justice and justice.')?.params.phrase).toBe('justice and justice');
  });

  it('when a word or a phrase is typed twice then it is flagged', () => {
    expect(flag('repeated', '他说。', 'He said the the talks went well.')?.params.phrase).toBe('the the');
    expect(flag('repeated', '他说。', 'They deepened the cooperation the cooperation.')?.params.phrase).toBe('the cooperation the cooperation');
  });

  it('when a repeat is grammatical then it is not flagged', () => {
    expect(flag('repeated', '他说。', 'He had had enough, and ties grew closer and closer.')).toBeUndefined();
    expect(flag('repeated', '他说。', 'More and more people visit. Yes. Yes.')).toBeUndefined();
  });
});

describe('fragments', () => {
  it('when the English starts with "And" and no subject then it is a fragment', () => {
    expect(flag('fragment', '并分享合作成果。', 'And share the results of cooperation.')?.params)
      .toEqual({ reason: 'conjunction', sentence: 'And share the results of cooperation.' });
    expect(flag('fragment', '我们也分享合作成果。', 'And we share the results of cooperation.')).toBeUndefined();
  });

  it('when the English does not start with a capital then it is a fragment', () => {
    expect(flag('fragment', '并分享合作成果。', 'share the results of cooperation.')?.params.reason).toBe('lowercase');
  });

  it('when a sentence has no verb then it is a fragment, but a headline is not', () => {
    expect(flag('fragment', '中韩两国的近邻关系。', 'The close neighbourly relations of China and South Korea.')?.params.reason).toBe('no-verb');
    expect(flag('fragment', '中韩两国的近邻关系', 'Close neighbourly relations of China and South Korea')).toBeUndefined();
    expect(flag('fragment', '双方同意。', 'We agree with the two sides.')).toBeUndefined();
    expect(flag('fragment', '他们已经到了。', 'They’ve arrived in Seoul today.')).toBeUndefined();
    expect(flag('fragment', '双方共同倡导。', 'The two policies jointly advocate cooperation.')).toBeUndefined();
  });

  it('when a whole sentence has a present -s verb after a noun, an irregular past or is speech then it is no fragment', () => {
    for (const [zh, en] of [
      ['商店六点开门。', 'The shop opens at six.'],
      ['隔壁的咖啡店属于一个法国人。', 'The café next door belongs to a Frenchman.'],
      ['这家餐馆卖牛肉饭。', 'The restaurant sells beef rice bowls.'],
      ['雨下得很大。', 'The rain fell hard.'],
      ['销售额增长了15%。', 'Sales grew by 15%.'],
      ['“你把米先淘好。”', '"Wash the rice first."'],
      ['“一点也不麻烦。”', '“No trouble at all.”'],
    ]) expect(flag('fragment', zh!, en!), en).toBeUndefined();
    // A noun phrase is still no sentence, whatever -s words it holds.
    for (const en of ['The bilateral relations of China and South Korea.', 'The close neighbourly relations of the two countries.', 'The economic ties between the two countries.']) {
      expect(flag('fragment', '中韩两国的双边关系。', en)?.params.reason, en).toBe('no-verb');
    }
  });

  it('when a bare present verb follows a plural subject or takes an object then the sentence has its verb', () => {
    for (const [zh, en] of [
      ['顾客都爱这个酱。', 'Customers love the sauce.'],
      ['物价春天上涨。', 'Prices rise in spring.'],
      ['把米淘好，然后煮饭。', 'Wash the rice, then cook it.'],
      ['小白龙——算了吧！', 'Little White Dragon—forget it!'],
    ]) expect(flag('fragment', zh!, en!), en).toBeUndefined();
    // A comma between them, or a preposition, makes no verb of the word before "the".
    for (const en of ['The answer, the man and the dog.', 'Maybe my own death, like Yang Dong’s.', 'Prices of the goods.']) {
      expect(flag('fragment', '也许是我自己的死。', en)?.params.reason, en).toBe('no-verb');
    }
  });

  it('when a sentence starts with "And" or "But" and a subject follows later then it is no fragment', () => {
    for (const en of [
      'And then suddenly, at exactly the same moment, they both burst out laughing.',
      'But when he saw Wang’s face, sleep disappeared from the staffer’s eyes.',
      'And so, that very evening, the matter was settled.',
      '‘But it’s a long time since you had anything to do with him.',
      'But being as how you are a relation of Her Ladyship, I don’t mind.',
    ]) expect(flag('fragment', '他说。', en), en).toBeUndefined();
    expect(flag('fragment', '并分享合作成果。', 'But share the results.')?.params.reason).toBe('conjunction');
  });

  it('when the fragment is not the first sentence of the pair then it is still found and named', () => {
    const f = flag('fragment', '他呼吁深化创新研发合作，更好发挥各自优势，共享合作成果。',
      'He called for deepening cooperation to better leverage their respective advantages. And share the results of cooperation.');
    expect(f?.params).toEqual({ reason: 'conjunction', sentence: 'And share the results of cooperation.' });
    expect(f?.message).toBe('The English “And share the results of cooperation.” looks like a sentence fragment: it starts with “And” and has no subject.');
    expect(flag('fragment', '他呼吁深化合作。双方分享成果。', 'He called for deeper cooperation. They share the results.')).toBeUndefined();
  });

  it('when a row holds three sentences then each is checked: a fragment in the third is named', () => {
    const f = flag('fragment', '他抵达北京。双方会谈一小时。共享合作成果。',
      'He arrived in Beijing. The two sides talked for an hour. And share the results of cooperation.');
    expect(f?.params).toEqual({ reason: 'conjunction', sentence: 'And share the results of cooperation.' });
    expect(flag('fragment', '他抵达北京。双方会谈一小时。他们共享成果。',
      'He arrived in Beijing. The two sides talked for an hour. They share the results.')).toBeUndefined();
  });
});

describe('broken sentences', () => {
  const SRC = '习近平敦促双方用好交流平台，开展教育、体育、媒体、青年、地方等领域交流，进一步增进两国人民的相互了解。';

  it('when the English sets a quotation apart as its own sentence then that is no break', () => {
    expect(flag('broken', '「今天要来三十位客人，」他对徒弟小李说，「你把米先淘好。」',
      '"Thirty customers are coming today," he told his apprentice Xiao Li. "Wash the rice first."')).toBeUndefined();
    expect(flag('broken', '他说：“我们明天走。”', 'He spoke. “We leave tomorrow.”')).toBeUndefined();
  });

  it('when one Chinese sentence is two English ones and the second starts a new noun phrase then the break is named', () => {
    const f = flag('broken', SRC, 'Xi urged the two sides to carry out exchanges in education, sports, media, and exchanges. Youth and local levels have further enhanced mutual understanding.');
    expect(f?.params).toEqual({ at: 'exchanges. Youth' });
    expect(f?.message).toBe('The Chinese is one sentence but the English breaks it at “exchanges. Youth”, starting a sentence where the previous one should go on.');
    expect(flag('broken', '他希望扩大合作，推动“一带一路”倡议同“新南方政策”对接。', 'He hopes to expand cooperation with South Korea. The “New South Policy” jointly advocates it.')?.params.at).toBe('Korea. The');
  });

  it('when a translator splits a long Chinese sentence and the new sentence points back or links on then it is not flagged', () => {
    expect(flag('broken', SRC, 'Xi urged the two sides to use the platform for exchanges in education, sports, media, youth and local affairs. This will further enhance mutual understanding.')).toBeUndefined();
    expect(flag('broken', SRC, 'Xi urged the two sides to use the platform for exchanges. In addition, “they should” enhance mutual understanding.')).toBeUndefined();
    expect(flag('broken', SRC, 'Xi urged the two sides to use the platform for exchanges in education, sports, media, youth and local affairs to enhance mutual understanding.')).toBeUndefined();
  });

  it('when the Chinese has two sentences too then the English break is the source’s', () => {
    expect(flag('broken', '双方开展教育等领域交流。青年和地方交流增进了相互了解。', 'The two sides carry out exchanges in education. Youth and local exchanges have enhanced mutual understanding.')).toBeUndefined();
  });
});

describe('empty and untranslated', () => {
  it('when the target is empty or still Chinese then that is the only flag', () => {
    expect(qaChecks({ src: '维护国际公平正义。', tgt: ' ' }, CTX)).toEqual([
      { code: 'empty', message: 'The translation is empty.', params: { reason: 'empty' } },
    ]);
    expect(qaChecks({ src: '维护国际公平正义。', tgt: '维护国际公平正义。' }, CTX).map((f) => f.params.reason)).toEqual(['untranslated']);
    expect(codes('维护国际公平正义。', '维护 international 公平正义。')).toEqual(['empty']);
  });
});

describe('length', () => {
  it('when the ratio is far from the document norm then it is flagged either way', () => {
    const long = flag('length', '维护国际公平正义。', 'Safeguard international fairness and justice, which both sides have said again and again in many meetings over the years.');
    expect(long?.params.direction).toBe('long');
    expect(flag('length', '维护国际公平正义和地区和平稳定。', 'Justice.')?.params.direction).toBe('short');
    expect(flag('length', '维护国际公平正义。', 'Uphold international fairness and justice.')).toBeUndefined();
  });

  it('when the norm has no spread then the check is off', () => {
    expect(flag('length', '维护国际公平正义。', 'Justice.', { ...CTX, lengthRatio: { mean: 1, sd: 0 } })).toBeUndefined();
  });

  it('when the norm is computed then it is the log-ratio mean and sd over pairs with both sides', () => {
    const norm = lengthNorm([
      { src: '近邻', tgt: 'neighbours' },
      { src: '维护正义', tgt: 'safeguard justice' },
      { src: '只有原文', tgt: '' },
    ]);
    const logs = [Math.log(10 / 2), Math.log(17 / 4)];
    expect(norm.mean).toBeCloseTo((logs[0]! + logs[1]!) / 2);
    expect(norm.sd).toBeCloseTo(Math.abs(logs[0]! - logs[1]!) / 2);
    expect(lengthNorm([{ src: '近邻', tgt: 'neighbours' }]).sd).toBe(0);
    expect(lengthNorm([])).toEqual({ mean: 0, sd: 0 });
  });
});

describe('ending punctuation', () => {
  it('when a question becomes a statement then it is flagged', () => {
    expect(flag('punctuation', '你同意吗？', 'Do you agree.')?.params).toEqual({ src: '？', tgt: '.' });
    expect(flag('punctuation', '太好了！', 'That is great.')?.params).toEqual({ src: '！', tgt: '.' });
    expect(flag('punctuation', '中韩两国是近邻。', 'China and South Korea are close neighbours')?.params).toEqual({ src: '。', tgt: '' });
  });

  it('when 。 or ； becomes . ; or , and quotes close the sentence then it is fine', () => {
    expect(flag('punctuation', '双方加强合作；', 'Both sides will strengthen cooperation,')).toBeUndefined();
    expect(flag('punctuation', '他说：“我们是朋友。”', 'He said, “We are friends.”')).toBeUndefined();
    expect(flag('punctuation', '你同意吗？', '“Do you agree?”')).toBeUndefined();
  });
});
