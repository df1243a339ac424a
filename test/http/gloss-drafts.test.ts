// The offline word-by-word gloss is a "gloss draft", never machine translation (issue 15, item 3): stored, shown,
// filtered, counted, measured and exported apart from it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestServer } from '../support/test-server.ts';
import { pairWith, startSeededServer } from '../support/seed.ts';
import { upload } from '../transfer/transfer-support.ts';
import { documents, type PairView } from '../../server/services/documents.ts';

let server: TestServer;
let docs: { demo: number; other: number };
let api: Awaited<ReturnType<typeof startSeededServer>>['api'];
let tokens: Record<string, string>;
let lin: Client;
let machineBefore: number;
let heads: PairView[];

const count = (page: string, state: string) => Number(new RegExp(`data-state="${state}" data-count="(\\d+)"`).exec(page)?.[1]);
const rowsOf = (page: string, state: string) => page.match(new RegExp(`class="pair state-${state}"`, 'g'))?.length ?? 0;

beforeAll(async () => {
  ({ server, docs, api, tokens } = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer']]));
  lin = new Client(server.url);
  await lin.login('lin');
  machineBefore = count((await lin.get(`/documents/${docs.demo}`)).text, 'machine');
  const untranslated = await server.rows<{ id: number }>('SELECT id FROM pairs WHERE document_id = ? AND noise = 0 AND state = 0 ORDER BY idx', [docs.demo]);
  expect((await api('lin', 'POST', `/api/documents/${docs.demo}/machine-translate`)).json()).toEqual({ translated: 2, engine: 'gloss' });
  heads = await documents(server.store).pairsByIds(untranslated.map((u) => u.id));
});
afterAll(() => server.close());

describe('a gloss draft', () => {
  it('when the offline gloss drafts rows then they are stored, counted and labelled as gloss drafts, apart from machine translation', async () => {
    expect(await server.rows('SELECT mt_kind, state FROM pairs WHERE id IN (?, ?)', [heads[0]!.id, heads[1]!.id])).toEqual([
      { mt_kind: 'gloss', state: 10 }, { mt_kind: 'gloss', state: 10 }]);
    const summary = (await api('lin', 'GET', `/api/documents/${docs.demo}`)).json() as { counts: Record<string, number> };
    expect(summary.counts).toMatchObject({ gloss: 2, machine: machineBefore });
    const page = (await lin.get(`/documents/${docs.demo}`)).text;
    expect(count(page, 'gloss')).toBe(2);
    expect(count(page, 'machine')).toBe(machineBefore);
    expect(rowsOf(page, 'gloss')).toBe(2);
    expect(page).toContain('<span class="badge badge-gloss">gloss draft</span>');
    const zh = new Client(server.url);
    zh.cookies.set('duiqi_lang', 'zh-CN');
    await zh.login('lin');
    const zhPage = (await zh.get(`/documents/${docs.demo}`)).text;
    expect(zhPage).toContain('<span class="badge badge-gloss">逐词草稿</span>');
    expect(zhPage).toContain('逐词草稿 2');
  });

  it('when the rows are filtered by gloss draft or by machine then each filter finds only its own', async () => {
    const gloss = (await lin.get(`/documents/${docs.demo}/rows?state=gloss`)).text;
    expect(rowsOf(gloss, 'gloss')).toBe(2);
    expect(gloss.match(/data-testid="pair-row"/g)).toHaveLength(2);
    const machine = (await lin.get(`/documents/${docs.demo}/rows?state=machine`)).text;
    expect(rowsOf(machine, 'gloss')).toBe(0);
    expect(rowsOf(machine, 'machine')).toBeGreaterThan(0);
    expect((await lin.get(`/documents/${docs.demo}`)).text).toContain('<option value="gloss">gloss draft</option>');
  });

  it('when a gloss draft is opened then the editor and the history call it a gloss draft, not machine translation', async () => {
    const editor = (await lin.get(`/documents/${docs.demo}/pairs/${heads[0]!.id}/edit`)).text;
    expect(editor).toContain('Gloss draft: a word-by-word dictionary gloss, not machine translation');
    expect(editor).not.toContain('Machine translation as imported');
    const history = (await lin.get(`/documents/${docs.demo}/pairs/${heads[0]!.id}/history`)).text;
    expect(history).toContain('untranslated → gloss draft');
    expect(history).not.toContain('→ machine');
  });

  it('when a gloss draft is post-edited then neither the row\'s HTER nor the document\'s post-edit effort counts it', async () => {
    const effort = async () => /data-testid="effort">([^<]*)/.exec((await lin.get(`/documents/${docs.demo}`)).text)![1];
    const before = await effort();
    const pair = await pairWith(server.store, docs.demo, '金灿荣教授');
    const saved = await api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: 'Professor Jin Canrong: the best picks', version: pair.version });
    expect(saved.status).toBe(200);
    expect(await server.rows('SELECT mt_kind, state FROM pairs WHERE id = ?', [pair.id])).toEqual([{ mt_kind: 'gloss', state: 20 }]);
    expect(await effort()).toBe(before);
    const row = (await lin.get(`/documents/${docs.demo}/pairs/${pair.id}/row`)).text;
    expect(row).toContain('data-state="translated"');
    expect(row).not.toContain('HTER');
    // The same edit of a machine translation does count: the check above can fail.
    const mt = (await server.rows<{ id: number; version: number; tgt: string }>(
      "SELECT id, version, tgt_text AS tgt FROM pairs WHERE document_id = ? AND state = 10 AND mt_kind = 'mt' ORDER BY idx LIMIT 1", [docs.demo]))[0]!;
    expect((await api('lin', 'PUT', `/api/pairs/${mt.id}`, { tgt: `${mt.tgt} Edited.`, version: mt.version })).status).toBe(200);
    expect(await effort()).not.toBe(before);
  });

  it('when the document is exported then TMX, XLIFF and JSON mark the gloss drafts, give them no edit distance, and a JSON import keeps them gloss drafts', async () => {
    const get = async (format: string) => (await api('lin', 'GET', `/api/documents/${docs.demo}/export?format=${format}&state=all`)).text;
    const tmx = await get('tmx');
    expect(tmx.match(/<prop type="x-duiqi-draft">gloss<\/prop>/g)).toHaveLength(2);
    const xliff = await get('xliff');
    expect(xliff.match(/<mda:meta type="draft">gloss<\/mda:meta>/g)).toHaveLength(2);
    const json = JSON.parse(await get('json')) as { pairs: { src: string; draft?: string; editDistance: number | null }[] };
    const glossed = json.pairs.filter((p) => p.draft === 'gloss');
    expect(glossed.map((p) => p.src)).toEqual([heads[0]!.src, heads[1]!.src]);
    expect(glossed.map((p) => p.editDistance)).toEqual([null, null]);
    expect(json.pairs.filter((p) => p.draft === undefined && p.editDistance !== null).length).toBeGreaterThan(0);
    const imported = await upload(server, '/api/documents/import', { source: { name: 'again.json', content: JSON.stringify(json) } }, { token: tokens.lin });
    expect(imported.status).toBe(201);
    const kinds = await server.rows<{ mt_kind: string }>('SELECT mt_kind FROM pairs WHERE document_id = ? AND noise = 0 ORDER BY idx', [imported.json().id]);
    expect(kinds.filter((k) => k.mt_kind === 'gloss')).toHaveLength(2);
  });

  it('when a JSON file names a draft other than gloss then it is refused with a sentence naming the field', async () => {
    const json = JSON.parse((await api('lin', 'GET', `/api/documents/${docs.other}/export?format=json&state=all`)).text) as { pairs: Record<string, unknown>[] };
    json.pairs[0]!.draft = 'robot';
    const res = await upload(server, '/api/documents/import', { source: { name: 'bad.json', content: JSON.stringify(json) } }, { token: tokens.lin });
    expect(res.status).toBe(400);
    expect(res.json().error).toContain('pairs[0].draft must be "gloss" or absent');
  });
});
