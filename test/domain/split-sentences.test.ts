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
    expect(splitSentences('『好的！』她笑了。', 'zh')).toEqual(['『好的！』', '她笑了。']);
  });

  // Real lines of MAC-Dev (鹿鼎记, 三体), where its gold segmentation agrees.
  it('when a speaker hesitates with …… inside a quotation then the quotation goes on as one sentence', () => {
    expect(splitSentences('韦小宝道：“公公，我…… 我头痛得很，怕…… 怕得厉害。”海老公道：“好，你过来！”', 'zh'))
      .toEqual(['韦小宝道：“公公，我…… 我头痛得很，怕…… 怕得厉害。”', '海老公道：“好，你过来！”']);
    expect(splitSentences('“这可真是…… 传奇啊！”“尤其是发生在那个年代。”', 'zh')).toEqual(['“这可真是…… 传奇啊！”', '“尤其是发生在那个年代。”']);
    expect(splitSentences('韦小宝道：“赢了十几两银子，不过…… 不过……”海老公道：“不过怎么？”', 'zh'))
      .toEqual(['韦小宝道：“赢了十几两银子，不过…… 不过……”', '海老公道：“不过怎么？”']);
  });

  it('when ？ or ！ ends a sentence inside a quotation that goes on then it splits there, in nested quotations too', () => {
    expect(splitSentences('韦小宝说道：“皮人是死的，有什么好玩？你上来！”', 'zh')).toEqual(['韦小宝说道：“皮人是死的，有什么好玩？', '你上来！”']);
    expect(splitSentences('他说：「她问我：『你去吗？』我说…… 不去。」', 'zh')).toEqual(['他说：「她问我：『你去吗？』', '我说…… 不去。」']);
  });

  it('when the words after a closing quotation say who spoke then they stay with it, and a colon opens new speech', () => {
    expect(splitSentences('“能将前面的曲线打印出来吗？” 汪淼问。沙瑞山抹了一把汗。', 'zh')).toEqual(['“能将前面的曲线打印出来吗？” 汪淼问。', '沙瑞山抹了一把汗。']);
    expect(splitSentences('『好的！』他答道。「真的吗？」她问道，「你不怕？」', 'zh')).toEqual(['『好的！』他答道。', '「真的吗？」她问道，「你不怕？」']);
    expect(splitSentences('“投不投降？”韦小宝道：“不投降！”', 'zh')).toEqual(['“投不投降？”', '韦小宝道：“不投降！”']);
    expect(splitSentences('“我知道了！”他知道。', 'zh')).toEqual(['“我知道了！”', '他知道。']);
  });

  it('when a closing quotation or an ellipsis is set off by a space then it stays with the sentence before it', () => {
    expect(splitSentences('那男孩道：“呸，你不会摔交。 ”韦小宝道：“谁说不会？”', 'zh')).toEqual(['那男孩道：“呸，你不会摔交。 ”', '韦小宝道：“谁说不会？”']);
    expect(splitSentences('这是1108：21：35。 ……倒计时在宇宙尺度上继续。', 'zh')).toEqual(['这是1108：21：35。 ……', '倒计时在宇宙尺度上继续。']);
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

  // Lines of MAC-Dev's English (The Deer and the Cauldron, The Three-Body Problem).
  it('when a speaker stammers over an ellipsis then the sentence goes on', () => {
    expect(splitSentences("'Which book?' 'I... I... can't remember.' He sighed.", 'en')).toEqual(["'Which book?'", "'I... I... can't remember.'", 'He sighed.']);
  });

  it('when a named speaker follows a question in quotes then the attribution stays with it', () => {
    expect(splitSentences('"Can you print out the waveform?" Wang asked. Sha nodded.', 'en')).toEqual(['"Can you print out the waveform?" Wang asked.', 'Sha nodded.']);
    expect(splitSentences("'Will you teach me a few moves?' He asked the other boy to stay.", 'en'))
      .toEqual(["'Will you teach me a few moves?'", 'He asked the other boy to stay.']);
    expect(splitSentences('Mr. Wang asked "Why?" Dr. Sha said nothing.', 'en')).toEqual(['Mr. Wang asked "Why?"', 'Dr. Sha said nothing.']);
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
