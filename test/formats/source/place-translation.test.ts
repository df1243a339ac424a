// Rebuilding a structured source in English: which block each pair's English goes to, and what falls back.

import { describe, expect, it } from 'vitest';
import { joinPlainSources, placePlainTranslation, placeTranslation, UNTRANSLATED_MARK } from '../../../server/domain/place-translation.ts';
import { layOutBlocks } from '../../../server/domain/structured-text.ts';
import type { Block } from '../../../server/formats/source/blocks.ts';
import { readSrt, writeSrt } from '../../../server/formats/source/srt.ts';
import { readMarkdown, writeMarkdown } from '../../../server/formats/source/markdown.ts';

const cue = (id: string, start: string, end: string, text: string): Block => ({ kind: 'cue', text, cue: { id, start, end } });

describe('placing the translation', () => {
  const prose = layOutBlocks('md', { blocks: [
    { kind: 'heading', level: 1, text: '标题' }, { kind: 'paragraph', text: '第一句。第二句。' }, { kind: 'noise', text: '广告' },
    { kind: 'paragraph', text: '第三句。' }, { kind: 'item', text: '一项。' },
  ] });
  const at = (text: string) => prose.text.indexOf(text);

  it('when pairs fill blocks, one spans two blocks and one has no Chinese then the English follows the first block of each', () => {
    const { doc, fallbacks } = placeTranslation(prose.structure, [
      { srcStart: at('标题'), src: '标题', tgt: 'Title' },
      { srcStart: at('第一句'), src: '第一句。', tgt: 'One.' },
      { srcStart: at('第二句'), src: '第二句。第三句。', tgt: 'Two and three.' },
      { srcStart: null, src: '', tgt: 'An English sentence with no Chinese.' },
      { srcStart: at('一项'), src: '一项。', tgt: '' },
    ]);
    expect(fallbacks).toBe(1);
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'One. Two and three. An English sentence with no Chinese.' },
      { kind: 'item', text: `${UNTRANSLATED_MARK}一项。` },
    ]);
  });

  it('when a subtitle sentence runs over two cues then the first cue takes the English and the second cue\'s end', () => {
    const subs = layOutBlocks('srt', { blocks: [cue('1', '00:00:01,000', '00:00:02,000', '他说，'), cue('2', '00:00:02,100', '00:00:04,000', '我们走吧。'), cue('3', '00:00:05,000', '00:00:06,000', '好。')] });
    const { doc } = placeTranslation(subs.structure, [
      { srcStart: 0, src: '他说，我们走吧。', tgt: '"Let us go," he said.' },
      { srcStart: subs.text.indexOf('好'), src: '好。', tgt: 'Fine.' },
    ]);
    expect(doc.blocks).toEqual([cue('1', '00:00:01,000', '00:00:04,000', '"Let us go," he said.'), cue('3', '00:00:05,000', '00:00:06,000', 'Fine.')]);
  });

  it('when the English holds line breaks typed in the editor then a cue keeps single ones, a paragraph stays one line, and the files keep their cues and paragraphs', () => {
    const subs = layOutBlocks('srt', { blocks: [cue('1', '00:00:01,000', '00:00:02,000', '你好。'), cue('2', '00:00:03,000', '00:00:04,000', '再见。')] });
    const srt = placeTranslation(subs.structure, [
      { srcStart: 0, src: '你好。', tgt: 'Hello\r\n\r\nthere.' },
      { srcStart: subs.text.indexOf('再见'), src: '再见。', tgt: 'Goodbye.' },
    ], subs.text).doc;
    expect(srt.blocks.map((b) => b.text)).toEqual(['Hello\nthere.', 'Goodbye.']);
    expect(readSrt(writeSrt(srt)).blocks.map((b) => b.text)).toEqual(['Hello\nthere.', 'Goodbye.']);

    const md = placeTranslation(prose.structure, [
      { srcStart: at('标题'), src: '标题', tgt: 'Title' },
      { srcStart: at('第一句'), src: '第一句。第二句。', tgt: 'Steps:\n1. one\n# two' },
    ]).doc;
    expect(readMarkdown(writeMarkdown(md)).blocks).toEqual([{ kind: 'heading', level: 1, text: 'Title' }, { kind: 'paragraph', text: 'Steps: 1. one # two' }]);
  });

  it('when two pairs share a cue then they go on two lines where the Chinese cue has two, and on one where it has one', () => {
    const subs = layOutBlocks('srt', { blocks: [cue('1', '00:00:01,000', '00:00:02,000', '你好。\n你好吗？'), cue('2', '00:00:03,000', '00:00:04,000', '好。谢谢。')] });
    const at = (text: string) => subs.text.indexOf(text);
    const { doc } = placeTranslation(subs.structure, [
      { srcStart: at('你好。'), src: '你好。', tgt: 'Hello.' },
      { srcStart: at('你好吗'), src: '你好吗？', tgt: 'How are you?' },
      { srcStart: at('好。谢'), src: '好。', tgt: 'Fine.' },
      { srcStart: at('谢谢'), src: '谢谢。', tgt: 'Thanks.' },
    ], subs.text);
    expect(doc.blocks.map((b) => b.text)).toEqual(['Hello.\nHow are you?', 'Fine. Thanks.']);
  });
});

describe('the translation of a plain-text source', () => {
  it('when the source leaves a blank line between paragraphs then so does the translation, each pair on its paragraph\'s line', () => {
    const source = '　　第一段。第二句。\n\n　　“第二段”𠮷。\n';
    const at = (text: string) => source.indexOf(text);
    const placed = placePlainTranslation(source, [
      { srcStart: at('第一段'), src: '第一段。', tgt: 'First paragraph.' },
      { srcStart: at('第二句'), src: '第二句。', tgt: 'Second\nsentence.' },
      { srcStart: at('“第二段'), src: '“第二段”𠮷。', tgt: '' },
    ]);
    expect(placed).toEqual({ text: `First paragraph. Second sentence.\n\n${UNTRANSLATED_MARK}“第二段”𠮷。\n`, fallbacks: 1 });
  });

  it('when the source has one paragraph a line then the translation has one a line, and a pair spanning two lines fills the first', () => {
    const source = '甲。\r\n乙，\r\n丙。\r\n丁。';
    const at = (text: string) => source.indexOf(text);
    const placed = placePlainTranslation(source, [
      { srcStart: at('甲'), src: '甲。', tgt: 'A.' },
      { srcStart: at('乙'), src: '乙，丙。', tgt: 'B, C.' },
      { srcStart: at('丁'), src: '丁。', tgt: 'D.' },
    ]);
    expect(placed.text).toBe('A.\nB, C.\nD.\n');
  });

  it('when a document was made of two Chinese texts then they read as one, each pair placed in the text that holds its Chinese', () => {
    const joined = joinPlainSources([{ id: 7, content: '标题一\n标题二' }, { id: 9, content: '正文。' }],
      [{ sourceId: 7, start: 0 }, { sourceId: 7, start: 4 }, { sourceId: 9, start: 0 }, { sourceId: null, start: null }]);
    expect(joined).toEqual({ text: '标题一\n标题二\n\n正文。', starts: [0, 4, 9, null] });
    const placed = placePlainTranslation(joined.text, [
      { srcStart: joined.starts[0]!, src: '标题一', tgt: 'Title one' },
      { srcStart: joined.starts[1]!, src: '标题二', tgt: 'Title two' },
      { srcStart: joined.starts[2]!, src: '正文。', tgt: 'The text.' },
    ]);
    expect(placed.text).toBe('Title one\n\nTitle two\n\nThe text.\n');
  });
});
