// Word, web-page, Markdown and subtitle files over HTTP: imported with their structure (mixed with plain text),
// the translation downloaded in the source's own format and read back, and every bad file refused whole.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { importedDocument, storedCounts, tokenFor, upload, uploadForm, type Part } from '../transfer/transfer-support.ts';
import { chineseNewsPage, englishNewsPage, EN_SENTENCES } from '../formats/source/news-pages.ts';
import { chineseWordFile, englishWordFile, wordFile } from '../formats/source/word-files.ts';
import { EN_SRT, ZH_SRT, ZH_VTT } from '../formats/source/subtitle-files.ts';
import { readSrt } from '../../server/formats/source/srt.ts';
import { readMarkdown } from '../../server/formats/source/markdown.ts';
import { readHtmlPage } from '../../server/formats/source/html-page.ts';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = await tokenFor(server.store, 'lin', 'translator');
});
afterAll(() => server.close());

const imported = (files: Record<string, Part>) => importedDocument(server, files, token);

async function get(url: string) {
  const res = await fetch(server.url + url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

interface PairJson { src: string; tgt: string; noise: boolean; state: number | null }
async function pairs(id: number): Promise<PairJson[]> {
  const res = await fetch(`${server.url}/api/documents/${id}/pairs`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()) as PairJson[];
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('structured files in', () => {
  it('when a Chinese and an English Word file are imported then headings and paragraphs align and the caption is noise', async () => {
    const id = await imported({ source: { name: '成都轻轨.docx', content: await chineseWordFile() }, translation: { name: 'rail.docx', content: await englishWordFile() } });
    const rows = await pairs(id);
    const aligned = rows.filter((p) => !p.noise);
    expect(aligned[0]).toMatchObject({ src: '成都机场轻轨线路开通', tgt: 'Chengdu opens airport light-rail line' });
    expect(aligned.find((p) => p.src === '出行更快捷')?.tgt).toBe('A faster trip');
    expect(aligned.find((p) => p.src === '票价：2元起。')?.tgt).toBe('Fares start at 2 yuan.');
    expect(rows.filter((p) => p.noise).map((p) => p.src || p.tgt).sort()).toEqual(['A train at the airport station in Chengdu.', '图为列车停靠在成都机场站。']);
    const stored = (await server.rows<{ side: string; format: string; structure: string }>('SELECT side, format, structure FROM sources WHERE document_id = ? ORDER BY side', [id]))
      .map(({ structure, ...s }) => ({ ...s, blocks: (JSON.parse(structure) as { blocks: unknown[] }).blocks.length }));
    expect(stored).toEqual([{ side: 'src', format: 'docx', blocks: 7 }, { side: 'tgt', format: 'docx', blocks: 7 }]);
  });

  it('when a Word file holds non-breaking and soft hyphens and symbol characters then they read as mammoth reads them, soft hyphens and pictograms left out', async () => {
    const sym = (font: string, char: string) => `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`;
    const run = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;
    const file = await wordFile([
      [null, run('编号A') + '<w:r><w:noBreakHyphen/></w:r>' + run('12。')],
      [null, run('温度为25') + sym('Symbol', 'F0B0') + run('C，误差') + sym('Symbol', 'F0B1') + run('0.5。')],
      [null, run('系数') + sym('Symbol', 'F061') + run('和') + sym('Symbol', '62') + run('相等。')],
      [null, run('时间') + sym('Times New Roman', '2014') + run('地点。')],
      [null, run('已完成') + sym('Wingdings', 'F0FC') + sym('Symbol', 'F0F0') + sym('Arial', '0001') + run('。')],
      [null, run('国际') + '<w:r><w:softHyphen/></w:r>' + run('合作。')],
    ]);
    const id = await imported({ source: { name: 'symbols.docx', content: file }, translation: { name: 'en.txt', content: 'No. A-12. It is 25 °C, give or take 0.5. The factors are equal. Time and place. Done. Cooperation.' } });
    const read = (await server.rows<{ text: string }>("SELECT text FROM segments WHERE document_id = ? AND side = 'src' ORDER BY idx", [id])).map((s) => s.text);
    expect(read).toEqual(['编号A\u201112。', '温度为25°C，误差±0.5。', '系数α和β相等。', '时间—地点。', '已完成。', '国际合作。']);
    // mammoth, which the tests read Word files with, reads the hyphen and the Symbol font alike. It leaves out a character
    // of a font it has no table for (the dash), maps Wingdings to pictograms and keeps the soft hyphen.
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(file) });
    expect(value.split(/\n+/).filter(Boolean).slice(0, 3)).toEqual(read.slice(0, 3));
  });

  it('when a Chinese Word file is imported against an English plain text then they align', async () => {
    const en = 'Chengdu opens airport light-rail line\n\nChengdu opened a new light-rail line on Monday, linking the airport with the city centre in 25 minutes. The line runs 42 kilometres and has 18 stations.\n\nA faster trip\n\nResidents welcomed the opening.\n\nFares start at 2 yuan.\n\nThe first train leaves at 6 a.m.';
    const id = await imported({ source: { name: 'zh.docx', content: await chineseWordFile() }, translation: { name: 'en.txt', content: en } });
    const rows = await pairs(id);
    expect(rows.find((p) => p.src === '首班车：早上6点。')?.tgt).toBe('The first train leaves at 6 a.m.');
    expect(await server.rows('SELECT format FROM sources WHERE document_id = ? ORDER BY side', [id])).toEqual([{ format: 'docx' }, { format: null }]);
  });

  it('when two saved news pages are imported then the article aligns, page furniture is noise or gone, and the title is the headline', async () => {
    const id = await imported({ source: { name: 'zh.html', content: chineseNewsPage() }, translation: { name: 'en.htm', content: englishNewsPage() } });
    const rows = await pairs(id);
    const all = rows.map((p) => `${p.src} ${p.tgt}`).join('\n');
    for (const gone of ['Most read', 'reader42', '网友甲', 'dataLayer', 'Privacy']) expect(all).not.toContain(gone);
    expect(rows.filter((p) => p.noise).map((p) => p.src || p.tgt)).toEqual(expect.arrayContaining(['Sponsor Advertisement', '广告', '分享到微博 分享到微信']));
    const english = rows.filter((p) => !p.noise).map((p) => p.tgt).join(' ');
    for (const s of EN_SENTENCES) expect(english).toContain(s);
    expect(rows.find((p) => p.src.startsWith('市政府官员表示'))?.tgt).toBe(EN_SENTENCES[2]);
    const doc = await (await fetch(`${server.url}/api/documents/${id}`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(doc.title).toBe('成都机场轻轨线路开通');
    const translated = await get(`/documents/${id}/translation`);
    expect(translated.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = readHtmlPage(text(translated.bytes));
    expect(page.title).toBe('Chengdu opens airport light-rail line');
    expect(page.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph', 'heading', 'paragraph']);
    expect(page.blocks[2]!.text).toBe(`${EN_SENTENCES[2]} ${EN_SENTENCES[3]}`);
  });
});

describe('the translation out', () => {
  it('when a subtitle pair is downloaded translated then every cue has the Chinese time codes and the English text', async () => {
    const id = await imported({ source: { name: 'clip.zh.srt', content: ZH_SRT }, translation: { name: 'clip.en.srt', content: EN_SRT } });
    const res = await get(`/documents/${id}/translation`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-subrip; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('.en.srt');
    expect(res.headers.get('x-duiqi-untranslated')).toBe('0');
    // HEAD names the same file without making it.
    const head = await fetch(`${server.url}/documents/${id}/translation`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } });
    expect([head.status, head.headers.get('content-type'), head.headers.get('content-disposition')])
      .toEqual([200, res.headers.get('content-type'), res.headers.get('content-disposition')]);
    const cues = readSrt(text(res.bytes)).blocks.map((b) => [b.cue!.id, b.cue!.start, b.cue!.end, b.text]);
    // The Chinese sentence that runs over cues 3 and 4 has one English sentence: the two cues become one.
    expect(cues).toEqual([
      ['1', '00:00:01,000', '00:00:03,500', 'Chengdu opened a new light-rail line on Monday.'],
      ['2', '00:00:03,600', '00:00:06,200', 'It links the airport with the city centre\nin 25 minutes.'],
      ['3', '00:00:06,300', '00:00:11,000', '"It used to take me over an hour to reach the airport," said Li Ming, a teacher.'],
      ['5', '00:00:11,500', '00:00:14,000', 'Residents welcomed the opening.'],
    ]);
  });

  it('when subtitle cues have two lines then each row keeps the English line break, a two-line sentence stays one, and the translation gives the cues back as written', async () => {
    const zh = ['1', '00:00:01,000 --> 00:00:03,000', '我昨天下午', '去了那家书店。', '', '2', '00:00:03,500 --> 00:00:05,000', '你好。', '你好吗？', '',
      '3', '00:00:05,500 --> 00:00:07,000', '很好，', '谢谢。', ''].join('\n');
    const en = ['1', '00:00:01,000 --> 00:00:03,000', 'I went to the bookshop', 'yesterday afternoon.', '', '2', '00:00:03,500 --> 00:00:05,000', 'Hello.', 'How are you?', '',
      '3', '00:00:05,500 --> 00:00:07,000', 'Very well,', 'thank you.', ''].join('\n');
    const id = await imported({ source: { name: 'two-lines.zh.srt', content: zh }, translation: { name: 'two-lines.en.srt', content: en } });
    const rows = await pairs(id);
    expect(rows[0]).toMatchObject({ src: '我昨天下午去了那家书店。', tgt: 'I went to the bookshop\nyesterday afternoon.' });
    expect(rows.map((r) => r.tgt).join('\n')).toBe('I went to the bookshop\nyesterday afternoon.\nHello.\nHow are you?\nVery well,\nthank you.');
    // One sentence over two lines is one segment on each side, not a sentence per line.
    const segments = await server.rows<{ side: string; text: string }>('SELECT side, text FROM segments WHERE document_id = ? ORDER BY side, idx', [id]);
    expect(segments.filter((s) => s.side === 'tgt').map((s) => s.text)).toEqual(['I went to the bookshop\nyesterday afternoon.', 'Hello.', 'How are you?', 'Very well,\nthank you.']);
    expect(segments.filter((s) => s.side === 'src').map((s) => s.text)).toEqual(['我昨天下午去了那家书店。', '你好。', '你好吗？', '很好，谢谢。']);
    expect(text((await get(`/api/documents/${id}/translation`)).bytes)).toBe(en);

    const vtt = (lines: string[]) => `WEBVTT\n\n00:01.000 --> 00:03.000\n${lines.join('\n')}\n`;
    const vttId = await imported({ source: { name: 'zh.vtt', content: vtt(['我昨天下午', '去了那家书店。']) }, translation: { name: 'en.vtt', content: vtt(['I went to the <b>bookshop</b>', 'yesterday &amp; today.']) } });
    expect(text((await get(`/api/documents/${vttId}/translation`)).bytes)).toBe(vtt(['I went to the bookshop', 'yesterday &amp; today.']));
  });

  it('when Chinese WebVTT is aligned with an English plain text then the translated .vtt keeps identifiers, time codes and settings', async () => {
    const id = await imported({ source: { name: 'clip.vtt', content: ZH_VTT }, translation: { name: 'en.txt', content: 'Chengdu opened a new light-rail line on Monday. It links the airport with the city centre in 25 minutes.' } });
    const res = await get(`/documents/${id}/translation`);
    expect(res.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(text(res.bytes)).toBe('WEBVTT\n\nintro\n00:01.000 --> 00:03.500 line:90% align:center\nChengdu opened a new light-rail line on Monday.\n\n'
      + '00:03.600 --> 00:06.200\nIt links the airport with the city centre in 25 minutes.\n');
  });

  it('when a Word pair is downloaded translated then mammoth reads the Chinese structure with the English in it', async () => {
    const id = await imported({ source: { name: 'zh.docx', content: await chineseWordFile() }, translation: { name: 'en.docx', content: await englishWordFile() } });
    const pairId = (await server.value("SELECT p.id FROM pairs p JOIN segments s ON s.pair_id = p.id WHERE p.document_id = ? AND s.text = '出行更快捷'", [id])) as number;
    const version = (await server.value('SELECT version FROM pairs WHERE id = ?', [pairId])) as number;
    const put = await fetch(`${server.url}/api/pairs/${pairId}`, {
      method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ tgt: 'A quicker journey', version }),
    });
    expect(put.status).toBe(200);
    const res = await get(`/documents/${id}/translation`);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(res.bytes) });
    expect(value).toBe('<h1>Chengdu opens airport light-rail line</h1>'
      + '<p>Chengdu opened a new light-rail line on Monday, linking the airport with the city centre in 25 minutes. The line runs 42 kilometres and has 18 stations.</p>'
      + '<h1>A quicker journey</h1><p>Residents welcomed the opening.</p><ul><li>Fares start at 2 yuan.</li><li>The first train leaves at 6 a.m.</li></ul>');
  });

  it('when pairs have no English then the download keeps their Chinese, marked, and says how many', async () => {
    const zh = '# 成都轻轨开通\n\n成都新轻轨线路周一开通。\n\n- 票价：2元起。\n- 学生半价。\n';
    const en = '# Chengdu light rail opens\n\nChengdu opened a new light-rail line on Monday.\n\n- Fares start at 2 yuan.\n';
    const id = await imported({ source: { name: 'zh.md', content: zh }, translation: { name: 'en.md', content: en } });
    const res = await get(`/api/documents/${id}/translation`);
    expect(res.headers.get('x-duiqi-untranslated')).toBe('1');
    expect(readMarkdown(text(res.bytes)).blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Chengdu light rail opens' },
      { kind: 'paragraph', text: 'Chengdu opened a new light-rail line on Monday.' },
      { kind: 'item', text: 'Fares start at 2 yuan.' },
      { kind: 'item', text: '[untranslated] 学生半价。' },
    ]);
    const review = await get(`/documents/${id}/bilingual?format=docx`);
    expect(review.headers.get('x-duiqi-untranslated')).toBe('1');
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(review.bytes) });
    expect(value).toContain('<tr><td><p>学生半价。</p></td><td><p>[untranslated] 学生半价。</p></td></tr>');
    expect(value).toContain('<tr><td><p>成都轻轨开通</p></td><td><p>Chengdu light rail opens</p></td></tr>');
    const html = text((await get(`/documents/${id}/bilingual?format=html`)).bytes);
    expect(html).toContain('<td lang="zh-CN">学生半价。</td><td lang="en" class="fallback">[untranslated] 学生半价。</td>');
    const page = await fetch(`${server.url}/documents/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await page.text()).toMatch(/data-testid="translation-fallbacks">Pairs with no English yet: 1\./);
  });

  it('when English starts with a code fence (~~~, ```) or an indent, or holds ~~, then the Markdown download keeps it as text, and every paragraph after it', async () => {
    const zh = '# 代码围栏\n\n第一段。\n\n第二段。\n\n第三段。\n\n第四段。\n';
    const en = '# Code fences\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n';
    const id = await imported({ source: { name: 'zh.md', content: zh }, translation: { name: 'en.md', content: en } });
    const typed = { 第一段: '~~~ starts like a fence.', 第二段: '```js starts like one too.', 第三段: 'Not ~~struck~~ through.', 第四段: '    Indented like code.' };
    for (const [src, tgt] of Object.entries(typed)) {
      const pairId = (await server.value('SELECT p.id FROM pairs p JOIN segments s ON s.pair_id = p.id WHERE p.document_id = ? AND s.text = ?', [id, `${src}。`])) as number;
      const version = (await server.value('SELECT version FROM pairs WHERE id = ?', [pairId])) as number;
      const put = await fetch(`${server.url}/api/pairs/${pairId}`, {
        method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ tgt, version }),
      });
      expect(put.status).toBe(200);
    }
    const res = await get(`/api/documents/${id}/translation`);
    expect(readMarkdown(text(res.bytes)).blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Code fences' },
      ...Object.values(typed).map((t) => ({ kind: 'paragraph', text: t.trimStart() })),
    ]);
  });

  it('when a plain-text document asks for its translated file then it gets a plain text: the English on its paragraphs\' lines, the untranslated marked', async () => {
    const zh = '　　李白写诗。他也喝酒。\n\n　　“月亮𠮷很亮”，他说。\n\n　　第三段没有译文。';
    const en = 'Li Bai wrote poems. He also drank wine.\n\n"The moon is bright," he said.\n\n';
    const id = await imported({ source: { name: '诗人.txt', content: zh }, translation: { name: 'en.txt', content: en } });
    const res = await fetch(`${server.url}/api/documents/${id}/translation`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('.en.txt');
    const body = await res.text();
    expect(body).toBe('Li Bai wrote poems. He also drank wine.\n\n"The moon is bright," he said.\n\n[untranslated] 第三段没有译文。\n');
    expect(res.headers.get('x-duiqi-untranslated')).toBe('1');
    // The document page offers it, as it offers a Word file's .docx.
    expect(text((await get(`/documents/${id}`)).bytes)).toMatch(/data-testid="translation-download">[^<]*\.txt/);
    expect((await get(`/documents/${id}/bilingual?format=pdf`)).status).toBe(400);
  });
});

async function zipBomb(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', Buffer.alloc(40 * 1024 * 1024, ' '));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('bad structured files', () => {
  const en = { name: 'en.txt', content: 'Hello.' };
  const cases: [string, () => Promise<Part> | Part, RegExp, RegExp][] = [
    ['a corrupt .docx', () => ({ name: 'report.docx', content: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]) }), /not a readable zip archive/, /不是可读取的 zip 压缩包/],
    ['a zip bomb named .docx', async () => ({ name: 'bomb.docx', content: await zipBomb() }), /unpacks to more than 32 MB/, /解压后的文本超过 32 MB/],
    ['a page with no article', () => ({ name: 'login.html', content: '<!DOCTYPE html><html><body><nav><a href="/">首页</a></nav><form><input name="q"></form></body></html>' }), /no article/, /找不到正文/],
    ['a page nested 300 deep', () => ({ name: 'deep.html', content: `<html><body>${'<div>'.repeat(300)}<p>成都新轻轨线路周一开通。</p>${'</div>'.repeat(300)}</body></html>` }), /The web page nests elements more than 128 deep\./, /网页的元素嵌套超过了 128 层/],
    ['Markdown quoted 20,000 deep', () => ({ name: 'notes.md', content: `# 标题\n\n${'>'.repeat(20_000)} 你好。\n` }), /The Markdown file nests elements more than 64 deep\. \(line 3\)/, /Markdown 文件的元素嵌套超过了 64 层（第 3 行）/],
    ['subtitles with a broken time code', () => ({ name: 'clip.srt', content: ZH_SRT.replace('00:00:06,300', '00:00:6,3') }), /Cue 3 of the SRT file has the time code "00:00:6,3"/, /第 3 条字幕的时间码“00:00:6,3”/],
  ];
  it.each(cases)('when the source is %s then the API and the form refuse it in the reader\'s language and nothing is written', async (_name, make, english, chinese) => {
    const before = await storedCounts(server);
    const source = await make();
    const api = await upload(server, '/api/documents/import', { source, translation: en }, { token });
    expect(api.status).toBe(400);
    expect(api.json().error).toMatch(english);
    const form = await uploadForm(server, { source, translation: en }, { token, headers: { 'accept-language': 'zh-CN' } });
    expect(form.status).toBe(400);
    expect(form.text).toMatch(chinese);
    expect(await storedCounts(server)).toEqual(before);
  });
});
