// A translator with only the Chinese document starts here: the Chinese alone imports as a document whose every sentence
// is an untranslated row, in the source's structure; the offline engine drafts the rows, and the translation downloads
// in the source's format. On either database (DUIQI_TEST_DATABASE=postgres).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestServer, type TestServer } from '../support/test-server.ts';
import { apiJson, storedCounts, tokenFor, upload, uploadForm, type Part } from '../transfer/transfer-support.ts';
import { chineseWordFile } from '../formats/source/word-files.ts';
import { ZH_SRT } from '../formats/source/subtitle-files.ts';
import { readMarkdown } from '../../server/formats/source/markdown.ts';
import { readDocx } from '../../server/formats/source/docx.ts';
import { readSrt } from '../../server/formats/source/srt.ts';

let server: TestServer;
let token: string;
let lin: Client;

beforeAll(async () => {
  server = await startTestServer();
  token = await tokenFor(server.store, 'lin', 'translator');
  lin = new Client(server.url);
  await lin.login('lin');
  await lin.get('/import');
});
afterAll(() => server.close());

const ZH_TEXT = '成都新轻轨线路周一开通。机场至市中心只需25分钟。\n\n市民对线路开通表示欢迎。';
const ZH_MD = '# 成都轻轨开通\n\n成都新轻轨线路周一开通。机场至市中心只需25分钟。\n\n- 全长42公里。\n- 设18个车站。\n';

interface PairJson { src: string; tgt: string; noise: boolean; state: number | null }
const pairs = async (id: number) => (await apiJson(server, token, 'GET', `/api/documents/${id}/pairs`)).body as unknown as PairJson[];
const sentences = async (id: number) => (await pairs(id)).filter((p) => !p.noise);
const cookie = () => [...lin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

async function importedAlone(source: Part): Promise<number> {
  const res = await upload(server, '/api/documents/import', { source }, { token });
  expect(res.status, res.text).toBe(201);
  return res.json().id as number;
}

async function get(url: string) {
  const res = await fetch(server.url + url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Every sentence untranslated, none with English, and only the Chinese stored as a source. */
async function expectUntranslated(id: number, count: number): Promise<void> {
  const rows = await sentences(id);
  expect(rows).toHaveLength(count);
  for (const row of rows) expect(row).toMatchObject({ tgt: '', state: 0 });
  expect((await server.rows<{ side: string }>('SELECT side FROM sources WHERE document_id = ?', [id])).map((s) => s.side)).toEqual(['src']);
}

/** The offline engine drafts every row as a gloss draft; none is left untranslated. */
async function machineTranslated(id: number, count: number): Promise<void> {
  const res = await apiJson(server, token, 'POST', `/api/documents/${id}/machine-translate`);
  expect(res.body).toEqual({ translated: count, engine: 'gloss' });
  for (const row of await sentences(id)) {
    expect(row.state).toBe(10);
    expect(row.tgt.trim()).not.toBe('');
  }
}

describe('the import page with the Chinese alone', () => {
  it('when the import page is read in either language then it says the English is optional', async () => {
    expect((await lin.get('/import')).text).toContain('English translation (optional: without it every sentence starts untranslated');
    const zh = new Client(server.url);
    zh.cookies.set('duiqi_lang', 'zh-CN');
    await zh.login('lin');
    expect((await zh.get('/import')).text).toContain('英文译文（可选：没有译文时每个句子起初都未翻译');
  });

  it('when a Chinese .txt is imported alone then every row is untranslated, the page says so, its button drafts them and the text downloads translated', async () => {
    const res = await uploadForm(server, { source: { name: '成都轻轨.zh.txt', content: ZH_TEXT } }, { fields: { _csrf: lin.csrf }, headers: { cookie: cookie() } });
    expect(res.status, res.text).toBe(201);
    // The form goes on to the document, or (a slow import) to its job's progress bar: the document is found by its file.
    const [{ id }] = await server.rows<{ id: number }>('SELECT id FROM documents WHERE source_name = ?', ['成都轻轨.zh.txt']) as [{ id: number }];
    await expectUntranslated(id, 3);
    const page = (await lin.get(`/documents/${id}`)).text;
    expect(page).toContain('<h1');
    expect(page).toMatch(/data-testid="doc-summary"[^>]*>3 pairs from 3 Chinese and 0 English sentences; 3 untranslated;/);
    expect(page).toContain('Machine-translate untranslated rows');
    // The page's own form, as a browser without scripts posts it: it waits for the drafts and goes back to the page.
    const posted = await lin.request('POST', `/documents/${id}/machine-translate`, { form: { _csrf: lin.csrf } });
    expect(posted.status).toBe(303);
    for (const row of await sentences(id)) expect(row).toMatchObject({ state: 10 });
    const after = (await lin.get(`/documents/${id}`)).text;
    expect(after).toMatch(/data-testid="doc-summary"[^>]*>3 pairs from 3 Chinese and 0 English sentences; 0 untranslated;/);
    expect(after).not.toContain('data-testid="mt-button"');
    const translated = await get(`/documents/${id}/translation`);
    expect(translated.status).toBe(200);
    expect(translated.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(translated.headers.get('x-duiqi-untranslated')).toBe('0');
    const rows = await sentences(id);
    // The paragraphs as the source had them: the first two sentences on one line, the third after a blank line.
    expect(text(translated.bytes).trim()).toBe(`${rows[0]!.tgt} ${rows[1]!.tgt}\n\n${rows[2]!.tgt}`);
  });
});

describe('the import API with the Chinese alone', () => {
  it('when a Chinese Markdown file is imported alone then its heading, paragraph and list items are untranslated rows, and the translation downloads as Markdown in their structure', async () => {
    const id = await importedAlone({ name: '轻轨.md', content: ZH_MD });
    await expectUntranslated(id, 5);
    expect((await server.rows<{ format: string }>('SELECT format FROM sources WHERE document_id = ?', [id]))[0]!.format).toBe('md');
    await machineTranslated(id, 5);
    const res = await get(`/api/documents/${id}/translation`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(res.headers.get('x-duiqi-untranslated')).toBe('0');
    const out = readMarkdown(text(res.bytes));
    expect(out.blocks.map((b) => b.kind)).toEqual(readMarkdown(ZH_MD).blocks.map((b) => b.kind));
    const rows = await sentences(id);
    expect(out.blocks.map((b) => b.text)).toEqual([rows[0]!.tgt, `${rows[1]!.tgt} ${rows[2]!.tgt}`, rows[3]!.tgt, rows[4]!.tgt]);
  });

  it('when a Chinese Word file is imported alone then its paragraphs are untranslated rows, and the translation downloads as a Word file of the same paragraphs', async () => {
    const word = await chineseWordFile();
    const id = await importedAlone({ name: '成都轻轨.docx', content: word });
    const rows = await sentences(id);
    expect(rows.length).toBeGreaterThan(3);
    await expectUntranslated(id, rows.length);
    await machineTranslated(id, rows.length);
    const res = await get(`/api/documents/${id}/translation`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('x-duiqi-untranslated')).toBe('0');
    // The caption is noise, which a translated download leaves out, with or without an English file.
    expect(readDocx(res.bytes).blocks.map((b) => b.kind)).toEqual(readDocx(word).blocks.map((b) => b.kind).filter((k) => k !== 'noise'));
    const doc = (await apiJson(server, token, 'GET', `/api/documents/${id}`)).body;
    expect(doc.title).toBe('成都轻轨');
  });

  it('when a Chinese subtitle file is imported alone then its cues keep their time codes in the translated .srt', async () => {
    const id = await importedAlone({ name: 'clip.zh.srt', content: ZH_SRT });
    const count = (await sentences(id)).length;
    await expectUntranslated(id, count);
    await machineTranslated(id, count);
    const res = await get(`/api/documents/${id}/translation`);
    expect(res.headers.get('content-disposition')).toContain('clip.en.srt');
    const cues = (doc: ReturnType<typeof readSrt>) => doc.blocks.map((b) => b.cue && `${b.cue.start} --> ${b.cue.end}`);
    expect(cues(readSrt(text(res.bytes)))).toEqual(cues(readSrt(ZH_SRT)));
  });

  it('when an English text comes alone, in either slot, then it is refused with a sentence and nothing is written', async () => {
    const before = await storedCounts(server);
    const english = { name: 'walk.txt', content: 'The two sides exchanged views on bilateral relations.' };
    const first = await upload(server, '/api/documents/import', { source: english }, { token });
    expect(first.status).toBe(400);
    expect(first.json().error).toBe('"walk.txt" is English: a document starts from its Chinese text. Choose the Chinese text as the first file, and this one as its translation.');
    const second = await upload(server, '/api/documents/import', { translation: english }, { token });
    expect(second.status).toBe(400);
    expect(second.json().error).toBe('"walk.txt" is in the English slot with no Chinese text: a document starts from its Chinese, so choose the Chinese text as the first file.');
    expect(await storedCounts(server)).toEqual(before);
  });
});
