import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestServer, type TestServer } from '../support/test-server.ts';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { HARD_EN, HARD_ZH, apiJson, download, storedCounts, tokenFor, upload } from './transfer-support.ts';
import { ROOT } from '../support/start-workbench.ts';
import { tmx } from '../../server/formats/tmx.ts';

// Node can decode GB18030 but not encode it; express's own iconv-lite makes the fixture bytes.
const iconv = createRequire(import.meta.url)('iconv-lite') as { encode(text: string, encoding: string): Buffer };

let server: TestServer;
let token: string;
let reviewer: string;

beforeAll(async () => {
  server = await startTestServer();
  token = await tokenFor(server.store, 'lin', 'translator');
  reviewer = await tokenFor(server.store, 'wang', 'reviewer');
});
afterAll(() => server.close());

const segmentsOf = async (doc: number) =>
  (await server.rows('SELECT side, idx, text FROM segments WHERE document_id = ? ORDER BY side, idx', [doc]));

const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

describe('text encodings of uploads', () => {
  it('when the same Chinese text comes as UTF-8, GB18030, UTF-16LE with BOM and UTF-8 BOM with CRLF then the segments are the same', async () => {
    const variants: [string, Uint8Array, Uint8Array][] = [
      ['utf-8', Buffer.from(HARD_ZH), Buffer.from(HARD_EN)],
      ['gb18030', iconv.encode(HARD_ZH, 'gb18030'), Buffer.from(HARD_EN)],
      ['utf-16le-bom', Buffer.from(`\uFEFF${HARD_ZH}`, 'utf16le'), Buffer.from(`\uFEFF${HARD_EN}`, 'utf16le')],
      ['utf-8-bom-crlf', Buffer.concat([BOM8, Buffer.from(crlf(HARD_ZH))]), Buffer.concat([BOM8, Buffer.from(crlf(HARD_EN))])],
    ];
    const docs: number[] = [];
    for (const [name, zh, en] of variants) {
      const res = await upload(server, '/api/documents/import', { source: { name: `${name}.txt`, content: zh }, translation: { name: 'en.txt', content: en } }, { token });
      expect(res.status, name).toBe(201);
      docs.push(res.json().id as number);
    }
    const expected = (await segmentsOf(docs[0]!));
    expect(expected).toContainEqual({ side: 'src', idx: 1, text: '文件写道：「𠀀字不在基本平面。」' });
    for (const doc of docs.slice(1)) expect((await segmentsOf(doc))).toEqual(expected);
  });

  it('when a TMX export is re-encoded as UTF-16LE with a BOM then it imports to the same segments', async () => {
    const first = await upload(server, '/api/documents/import', { source: { name: 'zh.txt', content: HARD_ZH }, translation: { name: 'en.txt', content: HARD_EN } }, { token });
    const doc = first.json().id as number;
    const file = await download(server, `/api/documents/${doc}/export?format=tmx&state=all`, token);
    const res = await upload(server, '/api/documents/import', { source: { name: 'utf16.tmx', content: Buffer.from(`\uFEFF${crlf(file.text)}`, 'utf16le') } }, { token });
    expect(res.status).toBe(201);
    expect((await segmentsOf(res.json().id as number))).toEqual((await segmentsOf(doc)));
  });
});

const memoryTmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
  <body>
    <tu><tuv xml:lang="zh-CN"><seg>“一带一路”倡议</seg></tuv><tuv xml:lang="en-GB"><seg>the “Belt and Road” Initiative</seg></tuv></tu>
    <tu><tuv xml:lang="zh"><seg>「𠀀」字</seg></tuv><tuv xml:lang="en"><seg>the character 𠀀</seg></tuv></tu>
    <tu><tuv xml:lang="zh"><seg>没有译文</seg></tuv></tu>
  </body>
</tmx>
`;

describe('TMX into the translation memory', () => {
  it('when a TMX file is posted to /api/memory/import then its units with both sides are loaded and no document is made', async () => {
    const before = await storedCounts(server);
    const res = await upload(server, '/api/memory/import', { source: { name: '术语库.tmx', content: memoryTmx } }, { token: reviewer });
    expect(res.status).toBe(201);
    // The unit without English is not loaded, and the answer says so.
    expect(res.json()).toEqual({ units: 2, skipped: 1, message: '1 translation unit had no Chinese or no English and was skipped.' });
    expect(await storedCounts(server)).toEqual({ ...before, tm_units: before.tm_units! + 2 });
    const units = await server.rows('SELECT src, tgt, origin FROM tm_units ORDER BY id DESC LIMIT 2');
    expect(units).toContainEqual({ src: '「𠀀」字', tgt: 'the character 𠀀', origin: '术语库' });
  });

  it('when the browser form is sent with the memory box ticked then the page says how many units were loaded', async () => {
    const browser = new Client(server.url);
    await browser.login('wang');
    const page = await browser.get('/import?memory=1');
    expect(page.text).toMatch(/name="memory" value="1" checked/);
    const before = await storedCounts(server);
    const res = await upload(server, '/import', { source: { name: 'tm.tmx', content: memoryTmx } },
      { fields: { _csrf: browser.csrf, memory: '1' }, headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Loaded 2 units into the translation memory. 1 translation unit had no Chinese or no English and was skipped.');
    expect(await storedCounts(server)).toEqual({ ...before, tm_units: before.tm_units! + 2 });
  });

  it('when a translator loads a TMX into the memory then it is refused with a sentence, before the file is read, and nothing is loaded', async () => {
    const before = await storedCounts(server);
    const api = await upload(server, '/api/memory/import', { source: { name: 'tm.tmx', content: memoryTmx } }, { token });
    expect(api.status).toBe(403);
    expect(api.json().error).toBe('Only a reviewer or an admin may load a TMX file into the translation memory.');
    const browser = new Client(server.url);
    await browser.login('lin');
    // The page does not offer what the server would refuse.
    expect((await browser.get('/import?memory=1')).text).not.toContain('name="memory"');
    const form = await upload(server, '/import', { source: { name: 'tm.tmx', content: memoryTmx } },
      { fields: { _csrf: browser.csrf, memory: '1' }, headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'accept-language': 'zh-CN' } });
    expect(form.status).toBe(403);
    expect(form.text).toContain('只有审校或管理员可以把 TMX 文件载入翻译记忆库。');
    expect(await storedCounts(server)).toEqual(before);
  });
});

describe('the translation memory as TMX', () => {
  /** A document of two sentences imported by `token` (members-only when asked), its first pair approved by wang. */
  async function approvedDocument(zh: string, en: string, by: string, access: 'team' | 'members'): Promise<number> {
    const res = await upload(server, '/api/documents/import', { source: { name: 'zh.txt', content: zh }, translation: { name: 'en.txt', content: en } }, { token: by, fields: { access } });
    expect(res.status, res.text).toBe(201);
    const id = res.json().id as number;
    const pairs = (await apiJson(server, reviewer, 'GET', `/api/documents/${id}/pairs`)).body as unknown as { id: number; version: number }[];
    expect((await apiJson(server, reviewer, 'POST', `/api/pairs/${pairs[0]!.id}/review`, { decision: 'approve', version: pairs[0]!.version })).status).toBe(200);
    return id;
  }

  it('when the memory is downloaded then each user gets the loaded units and the approved pairs they may open, as TMX 1.4 the DTD accepts, that loads back', async (ctx) => {
    await approvedDocument('两国关系稳定发展。', 'Relations between the two countries are developing steadily.', token, 'team');
    await approvedDocument('这份报告属于内部资料。', 'This report is internal material.', reviewer, 'members');
    const forLin = await download(server, '/api/memory/export', token);
    expect(forLin.status).toBe(200);
    expect(forLin.headers.get('content-disposition')).toContain('translation-memory.tmx');
    expect(forLin.headers.get('content-type')).toBe('application/x-tmx+xml; charset=utf-8');
    expect(forLin.text).toContain('<seg>Relations between the two countries are developing steadily.</seg>');
    expect(forLin.text).toContain('<seg>the character 𠀀</seg>');
    // wang's members-only document is not lin's to see, in the memory either.
    expect(forLin.text).not.toContain('internal material');
    const forWang = await download(server, '/memory.tmx', reviewer);
    expect(forWang.text).toContain('<seg>This report is internal material.</seg>');
    expect(forWang.text).toMatch(/<tu tuid="pair:\d+">\s*<prop type="x-duiqi-origin">[^<]*<\/prop>\s*<prop type="x-duiqi-approved">yes<\/prop>/);
    expect(forWang.text).toMatch(/<tu tuid="tm:\d+">\s*<prop type="x-duiqi-origin">术语库<\/prop>\s*<prop type="x-duiqi-approved">no<\/prop>/);
    const units = (text: string) => tmx.parse(text).pairs.map((p) => [p.src, p.tgt]);
    expect(units(forWang.text)).toEqual(expect.arrayContaining(units(forLin.text)));
    expect(units(forWang.text).length).toBe(units(forLin.text).length + 1);
    // Loaded into a memory again, every unit arrives.
    const loaded = await upload(server, '/api/memory/import', { source: { name: 'memory.tmx', content: forWang.text } }, { token: reviewer });
    expect(loaded.json()).toEqual({ units: units(forWang.text).length });
    const dtd = path.resolve(ROOT, '../shared/data/tmx14.dtd');
    if (spawnSync('xmllint', ['--version']).error || !fs.existsSync(dtd)) return ctx.skip(`xmllint or ${dtd} is not available`);
    const file = path.join(server.dir, 'memory.tmx');
    fs.writeFileSync(file, forWang.text);
    const lint = spawnSync('xmllint', ['--noout', '--dtdvalid', dtd, file], { encoding: 'utf8' });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
  });
});
