import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestServer, type TestServer } from '../support/test-server.ts';
import { HARD_EN, HARD_ZH, download, storedCounts, tokenFor, upload } from './transfer-support.ts';

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
    expect(res.json()).toEqual({ units: 2 });
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
    expect(res.text).toContain('Loaded 2 units into the translation memory.');
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
