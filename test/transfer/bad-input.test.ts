import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestServer, type TestServer } from '../support/test-server.ts';
import { storedCounts, tokenFor, upload, type Part } from './transfer-support.ts';

const LIMIT = 4096;
let server: TestServer;
let token: string;
// Loading the shared memory is a reviewer's: test/transfer/encodings-memory.test.ts.
let reviewer: string;

beforeAll(async () => {
  server = await startTestServer({ maxUpload: LIMIT });
  token = await tokenFor(server.store, 'lin', 'translator');
  reviewer = await tokenFor(server.store, 'wang', 'reviewer');
});
afterAll(() => server.close());

const tmx = (body: string, srclang = 'zh-CN') => `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="${srclang}" datatype="plaintext"/>
  <body>
${body}
  </body>
</tmx>
`;
const tu = (zh: string, en: string, enLang = 'en') =>
  `    <tu><tuv xml:lang="zh-CN"><seg>${zh}</seg></tuv><tuv xml:lang="${enLang}"><seg>${en}</seg></tuv></tu>`;

const CASES: [string, Record<string, Part>, number, RegExp][] = [
  ['a TMX file that is not well-formed XML', { source: { name: 'broken.tmx', content: tmx(`${tu('你好“朋友”', 'Hello, friend')}\n    <tu><tuv xml:lang="zh-CN"><seg>坏</tuv></tu>`) } },
    400, /not well-formed XML.*\(line \d+\)/],
  ['a TMX file with a DOCTYPE and an ENTITY', { source: { name: 'bomb.tmx', content: `<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY lol "lol">\n]>\n${tmx(tu('&lol;', 'lol')).split('\n').slice(1).join('\n')}` } },
    400, /<!DOCTYPE> declaration.*\(line 2\)/],
  ['a TMX file whose source language is English', { source: { name: 'en-fr.tmx', content: tmx(tu('你好', 'Hello'), 'en-US') } },
    400, /source language is "en-US"/],
  ['a TMX unit pairing Chinese with French', { source: { name: 'zh-fr.tmx', content: tmx(tu('你好', 'Bonjour', 'fr-FR')) } },
    400, /pairs Chinese with "fr-FR", not English.*\(line \d+\)/],
  ['an empty file', { source: { name: 'empty.tmx', content: '' } }, 400, /"empty\.tmx" is empty/],
  ['a file larger than DUIQI_MAX_UPLOAD', { source: { name: 'big.txt', content: '大'.repeat(LIMIT) }, translation: { name: 'big-en.txt', content: 'Big.' } },
    413, /larger than the upload limit of 4096 bytes/],
  ['a binary file', { source: { name: 'photo.txt', content: Uint8Array.from({ length: 600 }, (_, i) => (i * 7919) % 256) }, translation: { name: 'en.txt', content: 'Hi.' } },
    400, /looks like a binary file|is not text in UTF-8/],
  // A Chinese text alone is a document to translate (test/http/source-only.test.ts); an English text alone is not.
  ['an English text alone', { source: { name: 'english.txt', content: 'The two sides exchanged views on bilateral relations.' } }, 400, /"english\.txt" is English: a document starts from its Chinese text/],
  ['an English translation with no Chinese text', { translation: { name: 'english.txt', content: 'The two sides exchanged views.' } }, 400, /"english\.txt" is in the English slot with no Chinese text/],
  ['no file at all', {}, 400, /Choose a file/],
  ['a JSON file that is not a duiqi document', { source: { name: 'other.json', content: '{"hello": "世界"}' } }, 400, /not a duiqi bilingual document/],
  ['a TMX file next to a translation', { source: { name: 'pair.tmx', content: tmx(tu('你好', 'Hello')) }, translation: { name: 'en.txt', content: 'Hello.' } },
    400, /bilingual TMX file already; upload it alone/],
];

const MEMORY_CASES: [string, Record<string, Part>, number, RegExp][] = [
  ['a JSON document', { source: { name: 'doc.json', content: '{"format": "duiqi-bilingual"}' } }, 400, /Only a TMX file/],
  ['a TMX file with French targets only', { source: { name: 'fr.tmx', content: tmx(tu('你好', 'Bonjour', 'fr')) } }, 400, /not English/],
  ['a TMX file without English text', { source: { name: 'nothing.tmx', content: tmx(tu('你好', '')) } }, 400, /no unit with both Chinese and English/],
];

describe.each([['/api/documents/import', CASES], ['/api/memory/import', MEMORY_CASES]] as const)('POST %s with bad input', (url, cases) => {
  it.each(cases)('when it gets %s then it answers with a sentence and writes nothing', async (_name, files, status, message) => {
    const before = await storedCounts(server);
    const res = await upload(server, url, files, { token: url === '/api/memory/import' ? reviewer : token });
    expect(res.status).toBe(status);
    expect(res.json().error).toMatch(message);
    expect(await storedCounts(server)).toEqual(before);
  });
});

describe('POST /import from the browser', () => {
  let browser: Client;
  beforeAll(async () => {
    browser = new Client(server.url);
    await browser.login('lin');
    await browser.get('/import');
  });

  it('when a plain form posts a malformed TMX then the import page comes back with the sentence inline and 400', async () => {
    const before = await storedCounts(server);
    const res = await upload(server, '/import', { source: { name: 'broken.tmx', content: tmx('<tu>') } },
      { fields: { _csrf: browser.csrf, title: '坏文件' }, headers: { cookie: cookieOf(browser) } });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<!doctype html>');
    expect(res.text).toMatch(/data-testid="import-error">The TMX file is not well-formed XML.*\(line \d+\)/);
    expect(res.text).toContain('value="坏文件"');
    expect(await storedCounts(server)).toEqual(before);
  });

  it('when htmx posts a file over the limit then only the message comes back, aimed at the message area so the chosen files stay, with 413 and the sentence', async () => {
    const res = await upload(server, '/import', { source: { name: 'big.tmx', content: 'x'.repeat(LIMIT + 1) } },
      { fields: { _csrf: browser.csrf }, headers: { cookie: cookieOf(browser), 'hx-request': 'true' } });
    expect(res.status).toBe(413);
    expect(res.text).not.toContain('<form');
    expect(res.headers.get('hx-retarget')).toBe('#import-message');
    expect(res.text).toContain('larger than the upload limit of 4096 bytes');
  });

  it('when the upload carries no CSRF token then it is refused with 403 and nothing is written', async () => {
    const before = await storedCounts(server);
    const res = await upload(server, '/import', { source: { name: 'ok.tmx', content: tmx(tu('你好', 'Hello')) } },
      { headers: { cookie: cookieOf(browser) } });
    expect(res.status).toBe(403);
    expect(await storedCounts(server)).toEqual(before);
  });

  it('when the token comes in the X-CSRF-Token header then the TMX is imported and the browser sent to the document', async () => {
    const res = await upload(server, '/import', { source: { name: 'ok.tmx', content: tmx(tu('你好「𠀀」', 'Hello “𠀀”')) } },
      { headers: { cookie: cookieOf(browser), 'x-csrf-token': browser.csrf } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/documents\/\d+$/);
  });
});

function cookieOf(client: Client): string {
  return [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}
