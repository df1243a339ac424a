// A 中文 reader is shown no English sentence: every page and fragment, every error path the tests can provoke,
// checked for runs of three English words outside what users typed (lang="en" text, translate="no" regions), and
// for an English colon or comma after Chinese words.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glossary } from '../../server/services/glossary.ts';
import { documents } from '../../server/services/documents.ts';
import { Client, type TestServer } from '../support/test-server.ts';
import { pairWith, startSeededServer } from '../support/seed.ts';
import { englishInHtml, englishRuns, halfWidthAfterChinese, halfWidthInHtml } from '../support/english-runs.ts';
import { upload, uploadForm } from '../transfer/transfer-support.ts';

let server: TestServer;
let docs: { demo: number; other: number };
let tokens: Record<string, string>;
let lin: Client;
let wang: Client;
let mei: Client;
let ids: { numbers: number; glossary: number; other: number; secret: number; drafted: number; realigned: number };

const ZH = { cookie: 'duiqi_lang=zh-CN' };

async function signedIn(name: string): Promise<Client> {
  const c = new Client(server.url);
  c.cookies.set('duiqi_lang', 'zh-CN');
  await c.login(name);
  return c;
}

beforeAll(async () => {
  const seeded = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer'], ['mei', 'admin']]);
  ({ server, docs, tokens } = seeded);
  await glossary(server.store).seedDemo();
  [lin, wang, mei] = [await signedIn('lin'), await signedIn('wang'), await signedIn('mei')];
  // History with every kind of revision: machine drafts, an edit, a rejection, an alignment change.
  expect((await seeded.api('lin', 'POST', `/api/documents/${docs.demo}/machine-translate`)).json().translated).toBeGreaterThan(0);
  const numbers = await pairWith(server.store, docs.demo, '12月23日');
  const term = Number(/id="pair-(\d+)"/.exec((await lin.get(`/documents/${docs.demo}?qa=glossary`)).text)![1]);
  const other = (await documents(server.store).pairs(docs.other))[0]!;
  const saved = await seeded.api('lin', 'PUT', `/api/pairs/${other.id}`, { tgt: `${other.tgt} Edited.`, version: other.version });
  expect(saved.status).toBe(200);
  expect((await seeded.api('wang', 'POST', `/api/pairs/${other.id}/review`, { decision: 'reject', comment: '请再看看。', version: saved.json().version })).status).toBe(200);
  const view = (await seeded.api('lin', 'GET', `/api/documents/${docs.demo}/alignment`)).json();
  expect((await seeded.api('lin', 'POST', `/api/documents/${docs.demo}/alignment/ops`, { version: view.version, op: { kind: 'merge', row: 3 } })).status).toBe(200);
  const secret = await upload(server, '/api/documents/import', {
    source: { name: 'zh.txt', content: '双方交换了意见。' }, translation: { name: 'en.txt', content: 'The two sides exchanged views.' },
  }, { token: tokens.mei, fields: { access: 'members', title: '内部' } });
  expect(secret.status).toBe(201);
  ids = { numbers: numbers.id, glossary: term, other: other.id, drafted: (await pairWith(server.store, docs.demo, '金灿荣教授 精华精选')).id, secret: Number(secret.json().id),
    realigned: (await documents(server.store).pairs(docs.demo))[3]!.id };
});
afterAll(() => server.close());

function expectChinese(res: { status: number; text: string; headers: Headers }, what: string) {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = JSON.parse(res.text) as { message?: unknown };
    expect(typeof body.message, `${what}: ${res.text}`).toBe('string');
    expect(englishRuns(String(body.message)), `${what}: ${res.text}`).toEqual([]);
    expect(halfWidthAfterChinese(String(body.message)), `${what}: ${res.text}`).toEqual([]);
  } else {
    expect(type, what).toContain('html');
    const found = englishInHtml(res.text);
    expect(found, `${what}: ${JSON.stringify(found)}`).toEqual([]);
    expect(halfWidthInHtml(res.text), `${what}: half-width punctuation after Chinese`).toEqual([]);
  }
}

describe('pages and fragments in 中文', () => {
  const PAGES: [string, () => string, () => Client][] = [
    ['the document list', () => '/documents', () => lin],
    ['the document list searched and sorted', () => '/documents?q=nothing-matches-this&sort=title', () => lin],
    ['the archived documents', () => '/documents?state=archived', () => lin],
    ['the trash, as an admin', () => '/documents?state=trash', () => mei],
    ['the users, as an admin', () => '/admin/users', () => mei],
    ['one\'s own account and API tokens', () => '/account', () => lin],
    ['the document page', () => `/documents/${docs.demo}`, () => lin],
    ['the document page as a reviewer', () => `/documents/${docs.demo}`, () => wang],
    ['the document page as an admin, with its members panel', () => `/documents/${ids.secret}`, () => mei],
    ['every QA flag on the demo', () => `/documents/${docs.demo}?qa=any`, () => lin],
    ['the demo filtered by a word', () => `/documents/${docs.demo}?q=nothing-matches-this`, () => lin],
    ['the second document with its drafts', () => `/documents/${docs.other}`, () => lin],
    ['the charts of the demo, with its history', () => `/documents/${docs.demo}/charts`, () => lin],
    ['the charts of the second document, edited and rejected', () => `/documents/${docs.other}/charts`, () => wang],
    ['the match analysis of the demo', () => `/documents/${docs.demo}/analysis`, () => lin],
    ['a page of rows', () => `/documents/${docs.demo}/rows?offset=0&qa=any`, () => lin],
    ['the progress bar', () => `/documents/${docs.demo}/progress`, () => lin],
    ['a row with a numbers flag', () => `/documents/${docs.demo}/pairs/${ids.numbers}/row`, () => lin],
    ['the editor of a row with a numbers flag', () => `/documents/${docs.demo}/pairs/${ids.numbers}/edit`, () => wang],
    ['the editor of a row with a glossary flag', () => `/documents/${docs.demo}/pairs/${ids.glossary}/edit`, () => lin],
    ['the editor of a rejected row', () => `/documents/${docs.other}/pairs/${ids.other}/edit`, () => lin],
    ['the history of a drafted, edited and rejected row', () => `/documents/${docs.other}/pairs/${ids.other}/history`, () => lin],
    ['the history of a machine draft', () => `/documents/${docs.demo}/pairs/${ids.drafted}/history`, () => lin],
    ['the history of a row the alignment changed', () => `/documents/${docs.demo}/pairs/${ids.realigned}/history`, () => lin],
    ['the alignment editor', () => `/documents/${docs.demo}/align`, () => lin],
    ['rows of the alignment editor', () => `/documents/${docs.demo}/align/rows?from=0`, () => lin],
    ['the alignment strip', () => `/documents/${docs.demo}/align/strip`, () => lin],
    ['the glossary', () => '/glossary', () => lin],
    ['the glossary as an admin', () => '/glossary', () => mei],
    ['the import form', () => '/import', () => lin],
    ['the signed-in check', () => '/signed-in', () => lin],
    ['a missing document', () => '/documents/999999', () => lin],
    ['a document address that is no number', () => '/documents/abc', () => lin],
    ['a members-only document, to an outsider', () => `/documents/${ids.secret}`, () => lin],
    ['an export in an unknown format', () => `/documents/${docs.demo}/export?format=doc`, () => lin],
    ['the translated file of a missing document', () => '/documents/999999/translation', () => lin],
    ['a side-by-side file in an unknown format', () => `/documents/${docs.demo}/bilingual?format=pdf`, () => lin],
    ['a page that does not exist', () => '/nowhere', () => lin],
  ];

  it.each(PAGES)('when %s is opened then it has no English sentence', async (what, url, client) => {
    const res = await client().get(url());
    expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
    expectChinese(res, what);
  });

  it.each(PAGES.filter(([what]) => !/^(the document list|the glossary|the import form)/.test(what)))(
    'when %s is fetched by htmx then the fragment has no English sentence', async (what, url, client) => {
      const res = await client().request('GET', url(), { headers: { 'hx-request': 'true' } });
      expectChinese(res, what);
    });

  it('when signed out then the login page and a wrong password have no English sentence', async () => {
    const c = new Client(server.url);
    c.cookies.set('duiqi_lang', 'zh-CN');
    expectChinese(await c.get('/login'), 'login');
    await c.get('/login');
    expectChinese(await c.request('POST', '/login', { form: { name: 'lin', password: 'wrong password', _csrf: c.csrf } }), 'wrong password');
  });

  it('when the browser only asks for Chinese then the login page has no English sentence', async () => {
    expectChinese(await new Client(server.url).get('/login', { 'accept-language': 'zh-CN,zh;q=0.9' }), 'login by Accept-Language');
  });
});

/** The text a reader sees in a page or fragment, tags removed and entities read. */
const shown = (markup: string) => markup.replace(/<[^>]*>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('the sentences issue 15 found in English', () => {
  it('when the demo is opened then its page date is a Chinese date', async () => {
    const page = await lin.get(`/documents/${docs.demo}`);
    expect(shown(/data-testid="page-date">([^<]*)</.exec(page.text)![1]!)).toBe('页面日期 2022年10月3日');
  });

  it('when a row\'s English dropped a number then the reason names the numbers in Chinese', async () => {
    const row = shown((await lin.get(`/documents/${docs.demo}/pairs/${ids.numbers}/row`)).text);
    expect(row).toMatch(/英文缺少数字：12, 23/);
    expect(row).not.toMatch(/Numbers differ/);
  });

  it('when a row lacks a glossary term then the reason is Chinese, the term quoted', async () => {
    const row = shown((await lin.get(`/documents/${docs.demo}/pairs/${ids.glossary}/row`)).text);
    expect(row).toMatch(/术语：\S+ → .+ 缺失/);
    expect(row).not.toMatch(/The glossary translates/);
  });

  it('when a machine draft\'s history is opened then its note is Chinese', async () => {
    const history = shown((await lin.get(`/documents/${docs.demo}/pairs/${ids.drafted}/history`)).text);
    expect(history).toContain('离线词典的逐词释义，不是译文');
    expect(history).not.toMatch(/gloss|Machine translation/);
  });

  it('when binary.bin or empty.txt is refused then the sentence names the file once, in Chinese', async () => {
    await lin.get('/import');
    const cookie = [...lin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const refusal = async (name: string, content: Buffer | string) => {
      const res = await upload(server, '/import', { source: { name, content }, translation: { name: 'en.txt', content: 'Hello.' } }, { fields: { _csrf: lin.csrf }, headers: { cookie } });
      return shown(/data-testid="import-error">([\s\S]*?)<\/p>/.exec(res.text)![1]!);
    };
    expect(await refusal('binary.bin', Buffer.from([0x50, 0x4b, 0, 0, 1, 2, 3, 0, 0, 0, 0xff, 0, 0, 9, 0, 0]))).toMatch(/^文件“binary\.bin”(看起来是二进制文件|不是 UTF-8)/);
    expect(await refusal('empty.txt', '')).toBe('文件“empty.txt”是空的。');
  });
});

describe('refusals in 中文', () => {
  const post = (c: Client, url: string, form: Record<string, string> = {}, htmx = true) =>
    c.request('POST', url, { form: { ...form, _csrf: c.csrf }, headers: htmx ? { 'hx-request': 'true' } : {} });

  it('when a save is stale then the conflict in the editor has no English sentence', async () => {
    const p = await pairWith(server.store, docs.demo, '12月23日');
    await lin.get(`/documents/${docs.demo}`);
    const res = await post(lin, `/documents/${docs.demo}/pairs/${p.id}/save`, { tgt: 'Another text.', version: String(p.version + 7), opened_at: String(Date.now()) });
    expect(res.status).toBe(409);
    expectChinese(res, 'stale save');
  });

  it('when a save is empty, a rejection has no comment or a role may not approve then the answers have no English sentence', async () => {
    const p = await pairWith(server.store, docs.demo, '12月23日');
    await wang.get(`/documents/${docs.demo}`);
    for (const [c, action, form] of [
      [lin, 'save', { tgt: '  ', version: String(p.version) }], [wang, 'reject', { comment: '', version: String(p.version) }],
      [lin, 'approve', { version: String(p.version) }], [lin, 'restore', { revision: '999', version: String(p.version) }],
    ] as const) {
      const res = await post(c, `/documents/${docs.demo}/pairs/${p.id}/${action}`, form);
      expect(res.status, action).toBeGreaterThanOrEqual(400);
      expectChinese(res, action);
    }
  });

  it('when a form is posted without its CSRF token then the refusal has no English sentence', async () => {
    const res = await lin.request('POST', `/documents/${docs.demo}/machine-translate`, { form: {}, headers: { 'hx-request': 'true' } });
    expect(res.status).toBe(403);
    expectChinese(res, 'csrf');
    expectChinese(await lin.request('POST', `/documents/${docs.demo}/machine-translate`, { form: {} }), 'csrf page');
  });

  it('when a glossary term or a member is refused then the answer has no English sentence', async () => {
    await lin.get('/glossary');
    for (const form of [{ zh: '', en: 'x' }, { zh: '改革\u0001', en: 'reform' }]) expectChinese(await post(lin, '/glossary', form), JSON.stringify(form));
    await mei.get(`/documents/${ids.secret}`);
    for (const [url, form] of [['members', { name: '不存在' }], ['members', { name: '' }], ['sharing', { access: 'everyone' }]] as const) {
      const res = await post(mei, `/documents/${ids.secret}/${url}`, form);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expectChinese(res, `${url} ${JSON.stringify(form)}`);
    }
    await mei.get('/glossary');
    const csv = await post(mei, '/glossary/import', { csv: 'zh,en\n改革\n' });
    expect(csv.status).toBe(400);
    expectChinese(csv, 'glossary csv');
  });

  const BINARY = Buffer.from([0x50, 0x4b, 0, 0, 1, 2, 3, 0, 0, 0, 0xff, 0, 0, 9, 0, 0, 0, 0, 0, 0]);
  const TMX = '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="zh-CN"/><body><tu><tuv xml:lang="zh-CN"><seg>坏</tuv></tu></body></tmx>';
  const IMPORTS: [string, Record<string, { name: string; content: string | Buffer }>, Record<string, string>][] = [
    ['no file', {}, {}],
    ['a binary file', { source: { name: 'binary.bin', content: BINARY }, translation: { name: 'en.txt', content: 'Hello there.' } }, {}],
    ['an empty file', { source: { name: 'empty.txt', content: '' }, translation: { name: 'en.txt', content: 'Hello there.' } }, {}],
    ['an empty English file', { source: { name: 'zh.txt', content: '你好。' }, translation: { name: 'en.txt', content: '  \n' } }, {}],
    ['a control character', { source: { name: 'zh.txt', content: '你好\u0001。' }, translation: { name: 'en.txt', content: 'Hello.' } }, {}],
    ['an English text alone', { source: { name: 'en.txt', content: 'The two sides exchanged views on bilateral relations.' } }, {}],
    ['an English web page alone', { source: { name: 'en.html', content: '<html><body><p>The two sides exchanged views on bilateral relations.</p></body></html>' } }, {}],
    ['a translation with no Chinese text', { translation: { name: 'en.txt', content: 'Hello there.' } }, {}],
    ['a bilingual file with a second file', { source: { name: 'a.tmx', content: TMX }, translation: { name: 'en.txt', content: 'Hello.' } }, {}],
    ['a bilingual file as the translation', { source: { name: 'zh.txt', content: '你好。' }, translation: { name: 'b.tmx', content: TMX } }, {}],
    ['a broken TMX', { source: { name: 'broken.tmx', content: TMX } }, {}],
    ['swapped files', { source: { name: 'en.txt', content: 'The two sides exchanged views on bilateral relations.' }, translation: { name: 'zh.txt', content: '双方就双边关系交换了意见。' } }, {}],
    ['English as the Chinese', { source: { name: 'en.txt', content: 'The two sides exchanged views on bilateral relations.' }, translation: { name: 'en2.txt', content: 'The two sides agreed.' } }, {}],
    ['Chinese as the English', { source: { name: 'zh.txt', content: '双方就双边关系交换了意见。' }, translation: { name: 'zh2.txt', content: '双方同意加强合作。' } }, {}],
    ['a broken JSON', { source: { name: 'broken.json', content: '{\n  "format": "duiqi-bilingual",\n  oops\n}' } }, {}],
    ['a broken Word file', { source: { name: 'broken.docx', content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]) } }, {}],
    ['a title too long', { source: { name: 'zh.txt', content: '你好。' }, translation: { name: 'en.txt', content: 'Hello.' } }, { title: '长'.repeat(501) }],
    ['an unknown access', { source: { name: 'zh.txt', content: '你好。' }, translation: { name: 'en.txt', content: 'Hello.' } }, { access: 'world' }],
    ['a file and an address', { source: { name: 'zh.txt', content: '你好。' } }, { sourceUrl: 'http://example.com/' }],
    ['an address that is not allowed', {}, { sourceUrl: 'http://127.0.0.1:1/', translationUrl: 'http://127.0.0.1:1/en' }],
    ['an address that is no address', {}, { sourceUrl: 'not-an-address' }],
    ['a TMX into the memory that is broken', { source: { name: 'broken.tmx', content: TMX } }, { memory: '1' }],
  ];

  it.each(IMPORTS)('when the import form gets %s then the sentence on the form is Chinese', async (what, files, fields) => {
    // Loading the memory is a reviewer's; a translator is refused before the file is read.
    const who = fields.memory ? wang : lin;
    await who.get('/import');
    const cookie = [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    for (const htmx of [false, true]) {
      const form = { fields: { _csrf: who.csrf, ...fields }, headers: { cookie } };
      const res = htmx ? await uploadForm(server, files, form) : await upload(server, '/import', files, form);
      expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
      expect(/data-testid="import-error">([\s\S]*?)<\/p>/.exec(res.text)?.[1], what).toMatch(/\p{Script=Han}/u);
      expectChinese(res, what);
    }
  });

  // A broken file's sentence says the parser's diagnosis in Chinese too (server/formats/parser-reasons.ts).
  it.each(IMPORTS)('when the import API gets %s then its message is Chinese', async (what, files, fields) => {
    const res = await upload(server, `/api/documents/import${fields.memory ? '' : ''}`, files, { token: tokens.lin, fields, headers: { 'accept-language': 'zh-CN' } });
    expect(res.status, what).toBeGreaterThanOrEqual(400);
    expectChinese(res, what);
  });
});

describe('JSON API refusals in 中文', () => {
  const api = (who: string | null, method: string, url: string, opts: { json?: unknown; body?: string; lang?: 'header' | 'cookie' } = {}) => {
    const headers: Record<string, string> = opts.lang === 'cookie' ? ZH : { 'accept-language': 'zh-CN,zh;q=0.9' };
    if (who) headers.authorization = `Bearer ${tokens[who]}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    return fetch(server.url + url, { method, headers: { ...headers, ...(opts.json !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: opts.body ?? (opts.json !== undefined ? JSON.stringify(opts.json) : undefined) })
      .then(async (r) => ({ status: r.status, headers: r.headers, text: await r.text() }));
  };

  const CASES: [string, number, () => ReturnType<typeof api>][] = [
    ['signed out', 401, () => api(null, 'GET', '/api/documents')],
    ['signed out, by cookie', 401, () => api(null, 'GET', '/api/documents', { lang: 'cookie' })],
    ['a bad token', 401, () => fetch(`${server.url}/api/documents`, { headers: { authorization: 'Bearer nonsense', ...ZH } }).then(async (r) => ({ status: r.status, headers: r.headers, text: await r.text() }))],
    ['a missing document', 404, () => api('lin', 'GET', '/api/documents/999999')],
    ['a document id that is no number', 404, () => api('lin', 'GET', '/api/documents/abc')],
    ['a route that does not exist', 404, () => api('lin', 'GET', '/api/nowhere')],
    ['a members-only document', 404, () => api('lin', 'GET', `/api/documents/${ids.secret}`)],
    ['a body that is not JSON', 400, () => api('lin', 'PUT', `/api/pairs/${ids.numbers}`, { body: '{"text": ' })],
    ['a stale save', 409, () => api('lin', 'PUT', `/api/pairs/${ids.numbers}`, { json: { tgt: 'New text.', version: 999 } })],
    ['an empty save', 400, async () => api('lin', 'PUT', `/api/pairs/${ids.numbers}`, { json: { tgt: '', version: (await pairWith(server.store, docs.demo, '12月23日')).version } })],
    ['a save without a version', 400, () => api('lin', 'PUT', `/api/pairs/${ids.numbers}`, { json: { tgt: 'x' } })],
    ['a review by a translator', 403, () => api('lin', 'POST', `/api/pairs/${ids.numbers}/review`, { json: { decision: 'approve', version: 1 } })],
    ['an unknown review decision', 400, () => api('wang', 'POST', `/api/pairs/${ids.numbers}/review`, { json: { decision: 'maybe', version: 1 } })],
    ['a rejection without a comment', 400, async () => api('wang', 'POST', `/api/pairs/${ids.numbers}/review`, { json: { decision: 'reject', version: (await pairWith(server.store, docs.demo, '12月23日')).version } })],
    ['the history of a missing pair', 404, () => api('lin', 'GET', '/api/pairs/999999/history')],
    ['a restore of a missing version', 404, async () => api('lin', 'POST', `/api/pairs/${ids.numbers}/restore`, { json: { revision: 999, version: (await pairWith(server.store, docs.demo, '12月23日')).version } })],
    ['a stale alignment operation', 409, () => api('lin', 'POST', `/api/documents/${docs.demo}/alignment/ops`, { json: { version: 1, op: { kind: 'confirm', row: 0 } } })],
    ['an unknown alignment operation', 400, () => api('lin', 'GET', `/api/documents/${docs.demo}/alignment`).then((v) =>
      api('lin', 'POST', `/api/documents/${docs.demo}/alignment/ops`, { json: { version: JSON.parse(v.text).version, op: { kind: 'explode', row: 0 } } }))],
    ['an alignment operation past the end', 400, () => api('lin', 'GET', `/api/documents/${docs.demo}/alignment`).then((v) =>
      api('lin', 'POST', `/api/documents/${docs.demo}/alignment/ops`, { json: { version: JSON.parse(v.text).version, op: { kind: 'merge', row: 99999 } } }))],
    ['a redo with nothing to redo', 409, () => api('lin', 'GET', `/api/documents/${docs.demo}/alignment`).then((v) =>
      api('lin', 'POST', `/api/documents/${docs.demo}/alignment/redo`, { json: { version: JSON.parse(v.text).version } }))],
    ['an export in an unknown format', 400, () => api('lin', 'GET', `/api/documents/${docs.demo}/export?format=doc`)],
    ['an export of an unknown state', 400, () => api('lin', 'GET', `/api/documents/${docs.demo}/export?format=tmx&state=done`)],
    ['a row search of an unknown kind', 400, () => api('lin', 'GET', `/api/documents/${docs.demo}/rows/find?kind=odd&dir=next&from=0`)],
    ['a new user by a translator', 403, () => api('lin', 'POST', '/api/users', { json: { name: 'x', role: 'admin', password: 'long enough pass' } })],
    ['a new user with a short password', 400, () => api('mei', 'POST', '/api/users', { json: { name: 'xu', role: 'translator', password: 'short' } })],
    ['a new user with an unknown role', 400, () => api('mei', 'POST', '/api/users', { json: { name: 'xu', role: 'king', password: 'long enough pass' } })],
    ['a glossary term without Chinese', 400, () => api('lin', 'POST', '/api/glossary', { json: { zh: '', en: 'reform' } })],
    ['access by an outsider', 404, () => api('lin', 'GET', `/api/documents/${ids.secret}/access`)],
    ['access with an unknown setting', 400, () => api('mei', 'POST', `/api/documents/${ids.secret}/access`, { json: { shared: 'maybe' } })],
    ['machine translation by a stranger to the document', 404, () => api('lin', 'POST', `/api/documents/${ids.secret}/machine-translate`)],
    ['an unlock by a translator', 403, () => api('lin', 'POST', '/api/login-locks/unlock', { json: { account: 'wang' } })],
  ];

  it.each(CASES)('when the API gets %s then its message is Chinese', async (what, status, call) => {
    const res = await call();
    expect(res.status, `${what}: ${res.text}`).toBe(status);
    expectChinese(res, what);
  });
});

describe('the page scripts', () => {
  const STATIC = path.resolve(import.meta.dirname, '../../views/static');

  it.each(fs.readdirSync(STATIC).filter((f) => f.endsWith('.js')))('when %s is read then none of its strings is an English sentence: what it shows comes from the page or the server', (file) => {
    const code = fs.readFileSync(path.join(STATIC, file), 'utf8').replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    // Selectors and errors for the console are not shown to the reader.
    const strings = [...code.matchAll(/(new Error\(\s*|(?:closest|querySelector|querySelectorAll|matches)\(\s*)?(['"`])((?:\\.|(?!\2).)*)\2/g)]
      .filter((m) => !m[1]).map((m) => m[3]!);
    expect(strings.length).toBeGreaterThan(0);
    expect(strings.flatMap(englishRuns)).toEqual([]);
  });
});
