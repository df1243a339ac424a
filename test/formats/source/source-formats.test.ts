// Each structured source format: its reader on realistic files, its writer read back, and its refusals.

import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import JSZip from 'jszip';
import fc from 'fast-check';
import type { Block, SourceDocument } from '../../../server/formats/source/blocks.ts';
import { sourceFormats, detectTextFormat, isZip } from '../../../server/formats/source/source-formats.ts';
import { readDocx, MAX_DOCX_XML } from '../../../server/formats/source/docx.ts';
import { readHtmlPage } from '../../../server/formats/source/html-page.ts';
import { readMarkdown } from '../../../server/formats/source/markdown.ts';
import { readSrt, writeSrt } from '../../../server/formats/source/srt.ts';
import { readVtt, writeVtt } from '../../../server/formats/source/vtt.ts';
import { ParseError } from '../../../server/formats/parse-error.ts';
import { chineseNewsPage, englishNewsPage, EN_SENTENCES, ZH_SENTENCES } from './news-pages.ts';
import { chineseWordFile, englishWordFile, wordFile } from './word-files.ts';
import { EN_SRT, ZH_SRT, ZH_VTT } from './subtitle-files.ts';

const kinds = (doc: SourceDocument) => doc.blocks.map((b) => (b.kind === 'heading' ? `h${b.level}` : b.kind));

function refusal(fn: () => unknown): ParseError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ParseError) return err;
    throw err;
  }
  throw new Error('expected a ParseError');
}

// A document every format can carry; subtitles carry cues only. The ideographic space (U+3000) is Chinese text's own.
const PROSE: Block[] = [
  { kind: 'heading', level: 1, text: '第一章　成都机场轻轨线路开通' },
  { kind: 'paragraph', text: '成都新轻轨线路周一开通，机场至市中心只需25分钟。Tom & Jerry <b> “引号” 𠀀。' },
  { kind: 'heading', level: 2, text: 'A faster trip' },
  { kind: 'item', text: 'Fares start at 2 yuan.' },
  { kind: 'item', text: '# not a heading *not bold*' },
  { kind: 'paragraph', text: '1. not a list, [not a link](x)' },
];
const CUES: Block[] = [
  { kind: 'cue', text: '成都新轻轨线路　周一开通。', cue: { id: '7', start: '00:00:01,000', end: '00:00:03,500' } },
  { kind: 'cue', text: 'It links the airport & the city.', cue: { id: '8', start: '00:00:03,600', end: '00:00:06,200' } },
];

describe('every source format: what the writer writes, the reader reads back', () => {
  for (const format of sourceFormats) {
    const subtitles = format.name === 'srt' || format.name === 'vtt';
    it(`when a document is written as ${format.name} and read again then its blocks are the same`, () => {
      const blocks = subtitles ? CUES.map((b) => (format.name === 'vtt' ? { ...b, cue: { ...b.cue!, start: b.cue!.start.replace(',', '.'), end: b.cue!.end.replace(',', '.') } } : b)) : PROSE;
      const bytes = format.write({ title: '成都', blocks });
      const back = format.binary ? format.read(bytes) : format.read(new TextDecoder().decode(bytes));
      expect(back.blocks).toEqual(blocks);
    });
  }
});

describe('Word files', () => {
  it('when a Chinese Word file has a title, styled runs, a caption, a deletion and a list then each becomes its block', async () => {
    const doc = readDocx(await chineseWordFile());
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 1, text: '成都机场轻轨线路开通' },
      { kind: 'paragraph', text: '成都新轻轨线路周一开通，机场至市中心只需25分钟。该线路全长42公里，设18个车站。' },
      { kind: 'noise', text: '图为列车停靠在成都机场站。' },
      { kind: 'heading', level: 1, text: '出行更快捷' },
      { kind: 'paragraph', text: '市民对线路开通表示欢迎。' },
      { kind: 'item', text: '票价：2元起。' },
      { kind: 'item', text: '首班车：早上6点。' },
    ]);
  });

  it('when a heading has an ideographic space between its number and its title then the space is kept, the indent of a paragraph is not', async () => {
    const doc = readDocx(await wordFile([['1', '<w:r><w:t>第一章　雨夜</w:t></w:r>'], [null, '<w:r><w:t xml:space="preserve">　　雨下得很大，\n  街上没有人。</w:t></w:r>']]));
    expect(doc.blocks.map((b) => b.text)).toEqual(['第一章　雨夜', '雨下得很大，街上没有人。']);
  });

  it('when a paragraph has a tab between runs and the document a table then the tab is a space and each cell a paragraph', async () => {
    const doc = readDocx(await wordFile([[null, '<w:r><w:t>A</w:t></w:r><w:r><w:tab/><w:t>B</w:t></w:r>']], { table: [['左', '右']] }));
    expect(doc.blocks.map((b) => b.text)).toEqual(['A B', '左', '右']);
  });

  it('when our .docx is read by mammoth then headings, paragraphs and list items are what we wrote', async () => {
    const docx = sourceFormats.find((f) => f.name === 'docx')!;
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(docx.write({ blocks: PROSE })) });
    expect(value).toBe('<h1>第一章　成都机场轻轨线路开通</h1><p>成都新轻轨线路周一开通，机场至市中心只需25分钟。Tom &amp; Jerry &lt;b&gt; “引号” 𠀀。</p>'
      + '<h2>A faster trip</h2><ul><li>Fares start at 2 yuan.</li><li># not a heading *not bold*</li></ul><p>1. not a list, [not a link](x)</p>');
  });

  it('when the English Word file is read then it has the same structure as the Chinese one', async () => {
    expect(kinds(readDocx(await englishWordFile()))).toEqual(kinds(readDocx(await chineseWordFile())));
  });

  it('when a .docx is a damaged zip then it is refused with a sentence', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 200 }, (_, i) => (i * 37) % 256)]);
    expect(isZip(bytes)).toBe(true);
    expect(refusal(() => readDocx(bytes)).key).toBe('formats.zipCorrupt');
  });

  it('when a zip has no word/document.xml then it is not a Word file', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    expect(refusal(() => readDocx(new Uint8Array(0)))).toBeInstanceOf(ParseError);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(refusal(() => readDocx(bytes)).key).toBe('formats.docxNoDocument');
  });

  it('when a .docx is a zip bomb then reading stops at the bound, whatever sizes the archive claims', async () => {
    const zip = new JSZip();
    // 200 MB of one repeated run compresses to about 200 KB.
    const bomb = Buffer.alloc(200 * 1024 * 1024, '<w:r><w:t>x</w:t></w:r>');
    zip.file('word/document.xml', bomb);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    expect(refusal(() => readDocx(bytes)).key).toBe('formats.zipTooBig');
    expect(process.memoryUsage().rss - before).toBeLessThan(MAX_DOCX_XML * 3);
  });
});

describe('web pages', () => {
  it('when an English news page is read then the article stays, ads, share bar, caption and headline list are noise, nav and comments are gone', () => {
    const doc = readHtmlPage(englishNewsPage());
    expect(doc.title).toBe('Chengdu opens airport light-rail line');
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Chengdu opens airport light-rail line' },
      { kind: 'noise', text: 'By Wang Fang, Daily Wire · November 30, 2026' },
      { kind: 'noise', text: 'Share on Weibo Share on WeChat Email' },
      { kind: 'paragraph', text: `${EN_SENTENCES[0]} ${EN_SENTENCES[1]}` },
      { kind: 'noise', text: 'A train waits at the airport station in Chengdu. Photo: Daily Wire' },
      { kind: 'paragraph', text: `${EN_SENTENCES[2]} ${EN_SENTENCES[3]}` },
      { kind: 'noise', text: 'Sponsor Advertisement' },
      { kind: 'heading', level: 2, text: 'A faster trip' },
      { kind: 'paragraph', text: `${EN_SENTENCES[4]} ${EN_SENTENCES[5]}` },
      { kind: 'noise', text: "Chengdu to host leaders' summit" },
      { kind: 'noise', text: 'New metro map released' },
    ]);
    const all = doc.blocks.map((b) => b.text).join('\n');
    for (const gone of ['World', 'Great news', 'dataLayer', 'Most read', 'All rights reserved', 'Comments']) expect(all).not.toContain(gone);
  });

  it('when a Chinese news page is read then the same furniture is noise', () => {
    const doc = readHtmlPage(chineseNewsPage());
    expect(doc.title).toBe('成都机场轻轨线路开通');
    expect(doc.blocks.filter((b) => b.kind !== 'noise').map((b) => b.text)).toEqual([
      '成都机场轻轨线路开通', ZH_SENTENCES[0]! + ZH_SENTENCES[1], ZH_SENTENCES[2]! + ZH_SENTENCES[3], '出行更快捷', ZH_SENTENCES[4]! + ZH_SENTENCES[5],
    ]);
    expect(doc.blocks.filter((b) => b.kind === 'noise').map((b) => b.text)).toEqual([
      '新华社记者 王芳 · 2026年11月30日', '分享到微博 分享到微信', '列车停靠在成都机场站。新华社发', '广告', '成都将举办领导人峰会', '新版地铁线路图发布',
    ]);
  });

  it('when a page has no article then it is refused with a sentence', () => {
    const page = '<!DOCTYPE html><html><head><title>Login</title></head><body><nav><a href="/">Home</a></nav><form><input name="q"><button>Go</button></form><script>var x = 1;</script></body></html>';
    expect(refusal(() => readHtmlPage(page)).key).toBe('formats.htmlNoArticle');
  });

  it('when a page nests elements more than 128 deep then it is refused before Readability scores them, and 120 deep is read', () => {
    // Readability's time grows with the depth of what it scores: 300 deep took 0.7 s, 2,000 deep (24 KB) 46 s.
    const nested = (depth: number) => `<html><body>${'<div>'.repeat(depth)}<p>${ZH_SENTENCES[0]}${ZH_SENTENCES[1]}</p>${'</div>'.repeat(depth)}</body></html>`;
    expect(refusal(() => readHtmlPage(nested(300))).key).toBe('formats.htmlTooDeep');
    expect(readHtmlPage(nested(120)).blocks).toEqual([{ kind: 'paragraph', text: ZH_SENTENCES[0]! + ZH_SENTENCES[1] }]);
  });
});

describe('subtitles', () => {
  it('when a Chinese .srt with CRLF, a two-line cue and a tag is read then each cue keeps its number, time codes and lines', () => {
    const doc = readSrt(ZH_SRT);
    expect(doc.blocks[1]).toEqual({ kind: 'cue', text: '机场至市中心\n只需25分钟。', cue: { id: '2', start: '00:00:03,600', end: '00:00:06,200' } });
    expect(doc.blocks[2]!.text).toBe('“以前去机场要一个多小时，”');
    expect(readSrt(EN_SRT).blocks[1]!.text).toBe('It links the airport with the city centre\nin 25 minutes.');
    // White space inside a line is one space; a line left empty by a tag is dropped, so the cue cannot end early.
    expect(readSrt('1\n00:00:01,000 --> 00:00:02,000\n  Two   spaces \n<i></i>\nand a line.\n').blocks[0]!.text).toBe('Two spaces\nand a line.');
    expect(readSrt(writeSrt(doc))).toEqual(doc);
  });

  it('when a cue has a broken time code then the refusal names the cue, the code and the line', () => {
    const broken = ZH_SRT.replace('00:00:06,300 --> 00:00:09,000', '00:00:06,300 --> 00:0x:09,000');
    const err = refusal(() => readSrt(broken));
    expect(err.key).toBe('formats.cueBadTime');
    expect(err.params).toMatchObject({ cue: '3', time: '00:0x:09,000', line: 11 });
    expect(refusal(() => readSrt(ZH_SRT.replace('00:00:09,100 --> 00:00:11,000', '00:00:11,100 --> 00:00:09,000'))).params).toMatchObject({ cue: '4' });
    expect(refusal(() => readSrt('1\n成都\n')).key).toBe('formats.cueNoTiming');
  });

  it('when a .vtt with a header, a note, an identifier and settings is read and written then all of them are kept', () => {
    const doc = readVtt(ZH_VTT);
    expect(doc.blocks).toEqual([
      { kind: 'cue', text: '成都新轻轨线路周一开通。', cue: { id: 'intro', start: '00:01.000', end: '00:03.500', settings: 'line:90% align:center' } },
      { kind: 'cue', text: '机场至市中心只需25分钟。', cue: { id: '', start: '00:03.600', end: '00:06.200' } },
    ]);
    expect(readVtt(writeVtt(doc))).toEqual(doc);
    expect(readVtt('WEBVTT\n\n00:01.000 --> 00:02.000\nQ&amp;A on\n<b>two</b> lines\n').blocks[0]!.text).toBe('Q&A on\ntwo lines');
    expect(refusal(() => readVtt('00:01.000 --> 00:02.000\n你好\n')).key).toBe('formats.vttHeader');
  });

  it('when cue text holds & < > or a reference then .vtt writes them escaped and reads them back as text', () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\n汤姆&amp;杰瑞&nbsp;&lt;上&gt;&#x1F600;&#1;&bogus;\n';
    expect(readVtt(vtt).blocks[0]!.text).toBe('汤姆&杰瑞 <上>😀&#1;&bogus;');
    const english = { blocks: [{ kind: 'cue' as const, text: 'Q&A: x <y> --> z', cue: { id: '', start: '00:01.000', end: '00:02.000' } }] };
    const written = writeVtt(english);
    expect(written).toContain('Q&amp;A: x &lt;y&gt; --&gt; z');
    expect(readVtt(written)).toEqual(english);
  });
});

describe('Markdown', () => {
  it('when Chinese Markdown has hard-wrapped lines, inline markup, nested lists and code then the prose is kept as blocks', () => {
    const doc = readMarkdown('# 成都**轻轨**开通\n\n成都新轻轨线路周一开通，\n机场至市中心只需25分钟。\n\n- 票价：[2元](https://example.com)起\n  - 学生半价\n\n```\nconst x = 1;\n```\n\n## 反应\n');
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 1, text: '成都轻轨开通' },
      { kind: 'paragraph', text: '成都新轻轨线路周一开通，机场至市中心只需25分钟。' },
      { kind: 'item', text: '票价：2元起' },
      { kind: 'item', text: '学生半价' },
      { kind: 'heading', level: 2, text: '反应' },
    ]);
  });

  it('when quotes or lists nest more than 64 deep then the file is refused naming the line, and 64 deep is read', () => {
    const indented = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(2 * i)}- 第${i + 1}层\n`).join('');
    const where = (text: string) => {
      const err = refusal(() => readMarkdown(text));
      return { key: err.key, line: err.line };
    };
    // marked's recursion overflowed the stack on the first (a RangeError, answered 500); the second took seconds and
    // at 2,000 levels filled the heap.
    expect(where(`# 标题\n\n${'>'.repeat(20_000)} 你好。\n`)).toEqual({ key: 'errors.fileDepth', line: 3 });
    expect(where(`# 标题\n\n${indented(300)}`)).toEqual({ key: 'errors.fileDepth', line: 67 });
    expect(where(`${'- '.repeat(65)}项\n`)).toEqual({ key: 'errors.fileDepth', line: 1 });
    expect(readMarkdown(indented(64)).blocks.at(-1)).toEqual({ kind: 'item', text: '第64层' });
    expect(readMarkdown(`${'> '.repeat(64)}你好。\n`).blocks).toEqual([{ kind: 'paragraph', text: '你好。' }]);
  });
});

describe('detection', () => {
  it('when a file says what it is then its content decides before its name', () => {
    const name = (text: string, file: string) => detectTextFormat(file, text)?.name ?? 'text';
    expect(name(ZH_SRT, 'clip.txt')).toBe('text');
    expect(name(ZH_SRT, 'clip')).toBe('srt');
    expect(name(ZH_VTT, 'clip.srt')).toBe('vtt');
    expect(name(englishNewsPage(), 'page.md')).toBe('html');
    expect(name('# 标题\n\n正文。', 'notes')).toBe('md');
    expect(name('正文。', 'notes.markdown')).toBe('md');
    expect(name('正文。', 'notes')).toBe('text');
  });
});

describe('hostile files', () => {
  it('when a Word file is cut short or has bytes changed anywhere then it is read or refused with a ParseError, never another error', async () => {
    const good = await chineseWordFile();
    fc.assert(fc.property(fc.nat(good.length - 1), fc.array(fc.tuple(fc.nat(good.length - 1), fc.nat(255)), { maxLength: 8 }), (cut, flips) => {
      const bytes = good.slice(0, Math.max(4, cut));
      for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
      try {
        readDocx(bytes);
      } catch (err) {
        if (!(err instanceof ParseError)) throw err;
      }
    }), { numRuns: 300 });
  });

  it('when a text format gets random or mangled text then it is read or refused with a ParseError, never another error', () => {
    const samples = [ZH_SRT, ZH_VTT, englishNewsPage(), '# 标题\n\n- 项\n'];
    const textFormats = sourceFormats.filter((f) => !f.binary);
    fc.assert(fc.property(fc.nat(samples.length - 1), fc.nat(), fc.string({ maxLength: 40 }), fc.nat(textFormats.length - 1), (n, at, junk, which) => {
      const sample = samples[n]!;
      const cut = at % (sample.length + 1);
      const text = sample.slice(0, cut) + junk + sample.slice(cut + (at % 7));
      const format = textFormats[which]!;
      try {
        if (!format.binary) format.read(text);
      } catch (err) {
        if (!(err instanceof ParseError)) throw err;
      }
    }), { numRuns: 300 });
  });
});
