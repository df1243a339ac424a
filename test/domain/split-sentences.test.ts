import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentenceSpans, splitSentences, MAX_SENTENCE } from '../../server/domain/split-sentences.ts';

describe('splitSentences for Chinese', () => {
  it('when sentences end in 。！？； then each is its own segment', () => {
    expect(splitSentences('中韩两国是近邻。你同意吗？同意！双方加强合作；共同发展。', 'zh'))
      .toEqual(['中韩两国是近邻。', '你同意吗？', '同意！', '双方加强合作；', '共同发展。']);
  });

  it('when a closing quote or bracket follows the stop then it stays with the sentence', () => {
    expect(splitSentences('他说：“我们是朋友。”她笑了。「走吧。」（完）', 'zh'))
      .toEqual(['他说：“我们是朋友。”', '她笑了。', '「走吧。」', '（完）']);
    expect(splitSentences('『好的！』他答道。', 'zh')).toEqual(['『好的！』', '他答道。']);
  });

  it('when stops repeat (？！ or ……) then they end one sentence', () => {
    expect(splitSentences('真的吗？！是的……好吧。', 'zh')).toEqual(['真的吗？！', '是的……', '好吧。']);
  });

  it('when text is outside the BMP or mixes scripts then nothing is lost', () => {
    const text = '𠀀𪚥是扩展B区的字。习近平会见Moon Jae-in总统。2020年2月3日，华春莹说：“OK.”';
    const out = splitSentences(text, 'zh');
    expect(out).toEqual(['𠀀𪚥是扩展B区的字。', '习近平会见Moon Jae-in总统。', '2020年2月3日，华春莹说：“OK.”']);
    expect(out.join('')).toBe(text);
  });

  it('when decimals and full-width digits appear then they do not split', () => {
    expect(splitSentences('增长了3.5%。第１２条。', 'zh')).toEqual(['增长了3.5%。', '第１２条。']);
  });
});

describe('splitSentences for English', () => {
  it('when abbreviations, initials and decimals appear then they do not end sentences', () => {
    expect(splitSentences('Mr. Smith met Dr. J. R. Jones at 3.5 p.m. in the U.S. Capitol. They talked.', 'en'))
      .toEqual(['Mr. Smith met Dr. J. R. Jones at 3.5 p.m. in the U.S. Capitol.', 'They talked.']);
  });

  it('when No. precedes a number it is an abbreviation, otherwise a word', () => {
    expect(splitSentences('See No. 5 above. I said no. Then I left.', 'en')).toEqual(['See No. 5 above.', 'I said no.', 'Then I left.']);
  });

  it('when months are abbreviated then the date stays whole', () => {
    expect(splitSentences('It began on Jan. 23, 2020 in Wuhan. Cases rose.', 'en')).toEqual(['It began on Jan. 23, 2020 in Wuhan.', 'Cases rose.']);
  });

  it('when quotes close after the stop then they stay, and a lower-case continuation does not split', () => {
    expect(splitSentences('He called it “the main direction.” The two agreed. “Why?” she asked.', 'en'))
      .toEqual(['He called it “the main direction.”', 'The two agreed.', '“Why?” she asked.']);
  });

  it('when an ellipsis is followed by a capital then it ends the sentence, otherwise not', () => {
    expect(splitSentences('He paused... Then he went on... and on.', 'en')).toEqual(['He paused...', 'Then he went on... and on.']);
    expect(splitSentences('Wait… What?', 'en')).toEqual(['Wait…', 'What?']);
  });

  it('when the MT broke a sentence mid-way then the segmenter keeps the break for the aligner to mend', () => {
    expect(splitSentences('exchanges in education, sports, media, and exchanges. Youth and local levels to enhance.', 'en'))
      .toEqual(['exchanges in education, sports, media, and exchanges.', 'Youth and local levels to enhance.']);
  });
});

describe('paragraphs and offsets', () => {
  it('when the text has blank lines then paragraphs are blank-line separated and hard wraps join', () => {
    const text = 'First line\nwrapped here. Second.\n\nNew paragraph.';
    const spans = splitSentenceSpans(text, 'en');
    expect(spans.map((s) => [s.text, s.paragraph])).toEqual([
      ['First line wrapped here.', 0], ['Second.', 0], ['New paragraph.', 1],
    ]);
  });

  it('when the text has no blank lines then every line is a paragraph', () => {
    expect(splitParagraphs('一\n二\r\n三').map((p) => p.text.trim())).toEqual(['一', '二', '三']);
  });

  it('when spans are returned then offsets point at the sentence in the original text', () => {
    const text = '  前言。\n\n　习近平指出，“合作共赢。”𠀀字。';
    for (const s of splitSentenceSpans(text, 'zh')) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('when the text is empty or blank then there are no sentences', () => {
    expect(splitSentences('', 'zh')).toEqual([]);
    expect(splitSentences(' \n\n\t', 'en')).toEqual([]);
  });
});

describe('sentence length bound', () => {
  const covers = (text: string, spans: { start: number; end: number }[]) =>
    spans.map((s) => text.slice(s.start, s.end)).join(' ').replace(/\s+/g, ' ') === text.trim().replace(/\s+/g, ' ');

  it('when an English line has 40,000 words and no full stop then it is cut at spaces into sentences of at most MAX_SENTENCE', () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `word${i % 97}`).join(' ');
    const spans = splitSentenceSpans(text, 'en');
    expect(spans.length).toBeGreaterThan(text.length / MAX_SENTENCE);
    expect(spans.every((s) => s.text.length <= MAX_SENTENCE && s.text === text.slice(s.start, s.end))).toBe(true);
    expect(spans.every((s) => /^word\d+$/.test(s.text.split(' ').at(-1)!))).toBe(true);
    expect(covers(text, spans)).toBe(true);
  });

  it('when a Chinese sentence runs on past the bound then it is cut after a comma, never inside a character outside the BMP', () => {
    const clause = '𠀀他呼吁推进共建一带一路倡议同韩国发展战略对接，';
    const text = `${clause.repeat(300)}。`;
    const spans = splitSentenceSpans(text, 'zh');
    expect(spans.length).toBeGreaterThan(1);
    expect(spans.slice(0, -1).every((s) => s.text.endsWith('，') && s.text.length <= MAX_SENTENCE)).toBe(true);
    expect(spans.map((s) => s.text).join('')).toBe(text);
  });

  it('when a 10 MB line has no space and no stop then every piece is at most MAX_SENTENCE and whole code points', () => {
    const text = '好😀'.repeat(3_500_000 / 3);
    const spans = splitSentenceSpans(text, 'en');
    expect(spans.every((s) => s.text.length <= MAX_SENTENCE && !/[\uD800-\uDBFF]$/.test(s.text))).toBe(true);
    expect(spans.map((s) => s.text).join('')).toBe(text);
  });

  it('when a line holds a million "a." then it is split in one pass', () => {
    const text = 'a.'.repeat(1_000_000);
    const spans = splitSentenceSpans(text, 'en');
    expect(spans.map((s) => s.text).join('')).toBe(text);
    expect(spans.every((s) => s.text.length <= MAX_SENTENCE)).toBe(true);
  });
});
