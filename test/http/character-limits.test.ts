// Limits on what users write count characters (code points), as people and the databases' length() count them:
// 𠮷, outside the BMP, is two UTF-16 code units in a JS string and one character here, the same on every route and
// in every form's limit. Runs on both databases (DUIQI_TEST_DATABASE=postgres): what was stored is read through the API.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestServer } from '../support/test-server.ts';
import { startSeededServer } from '../support/seed.ts';
import { documents } from '../../server/services/documents.ts';

const JI = '𠮷';
const times = (n: number) => JI.repeat(n);
const chars = (text: string) => Array.from(text).length;

let server: TestServer;
let docs: { demo: number; other: number };
let api: Awaited<ReturnType<typeof startSeededServer>>['api'];

beforeAll(async () => {
  ({ server, docs, api } = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer'], ['mei', 'admin']]));
});
afterAll(() => server.close());

const pairs = () => documents(server.store).pairs(docs.other);

describe('limits counted in characters', () => {
  it('when a comment holds 2,000 𠮷 (4,000 code units) then it is stored whole; 2,001 are refused with the limit', async () => {
    const [pair] = await pairs();
    const ok = await api('wang', 'POST', `/api/pairs/${pair!.id}/comments`, { body: times(2000) });
    expect(ok.status).toBe(201);
    expect(chars(ok.json().comments[0].body)).toBe(2000);
    const long = await api('wang', 'POST', `/api/pairs/${pair!.id}/comments`, { body: times(2001) });
    expect(long.status).toBe(400);
    expect(long.json().error).toBe('A comment may have at most 2000 characters.');
  });

  it('when a rejection\'s comment holds 2,000 𠮷 then the rejection goes through', async () => {
    const [, pair] = await pairs();
    const res = await api('wang', 'POST', `/api/pairs/${pair!.id}/review`, {
      decision: 'reject', version: pair!.version, comment: times(2000), category: 'accuracy', severity: 'minor',
    });
    expect(res.status).toBe(200);
    const threads = (await api('wang', 'GET', `/api/pairs/${pair!.id}/comments`)).json() as { comments: { body: string }[] }[];
    expect(threads.some((t) => t.comments[0]!.body === times(2000))).toBe(true);
  });

  it('when a translation holds 20,000 𠮷 then it is saved; 20,001 are refused', async () => {
    const [pair] = await pairs();
    const long = await api('lin', 'PUT', `/api/pairs/${pair!.id}`, { tgt: times(20_001), version: pair!.version });
    expect(long.status).toBe(400);
    expect(long.json().error).toBe('A translation may have at most 20000 characters.');
    const ok = await api('lin', 'PUT', `/api/pairs/${pair!.id}`, { tgt: times(20_000), version: pair!.version });
    expect(ok.status).toBe(200);
    expect(chars((await pairs())[0]!.tgt)).toBe(20_000);
  });

  it('when a glossary term holds 200 characters, 199 of them 𠮷, and its note 2,000 then the entry is kept and found by the whole term; 201 are refused', async () => {
    const term = `a${times(199)}`;
    const ok = await api('lin', 'POST', '/api/glossary', { zh: term, en: 'auspicious', note: times(2000) });
    expect(ok.status).toBe(201);
    const long = await api('lin', 'POST', '/api/glossary', { zh: `${term}${JI}`, en: 'auspicious' });
    expect(long.status).toBe(400);
    expect(long.json().error).toBe('A glossary term may have at most 200 characters.');
    // The search is cut to a term's length in characters: cut in code units it ended in half a 𠮷 and found nothing.
    const found = await (await loggedIn('lin')).get(`/glossary?q=${encodeURIComponent(term)}`);
    expect(found.text).toContain('auspicious');
  });

  it('when a document is renamed to 500 𠮷 then the title is stored (the column\'s CHECK counts as we do); 501 are refused', async () => {
    const ok = await api('mei', 'PATCH', `/api/documents/${docs.other}`, { title: times(500) });
    expect(ok.status).toBe(200);
    expect(chars((await api('mei', 'GET', `/api/documents/${docs.other}`)).json().title)).toBe(500);
    const long = await api('mei', 'PATCH', `/api/documents/${docs.other}`, { title: times(501) });
    expect(long.status).toBe(400);
    expect(long.json().error).toBe('A title may have at most 500 characters.');
  });

  it('when an API token is named with 100 𠮷 then it is made; a password of four 𠮷 (eight code units) is too short', async () => {
    expect((await api('lin', 'POST', '/api/account/tokens', { name: times(100) })).status).toBe(201);
    expect((await api('lin', 'POST', '/api/account/tokens', { name: times(101) })).status).toBe(400);
    const short = await api('lin', 'POST', '/api/account/password', { current: 'correct horse 12', password: times(4) });
    expect(short.status).toBe(400);
    expect(short.json().error).toBe('A password needs at least 8 characters.');
  });

  it('when a page holds a field with a limit then it is said in characters for the page script, not as maxlength', async () => {
    const lin = await loggedIn('lin');
    const pages = [await lin.get('/glossary'), await lin.get(`/documents/${docs.demo}`), await lin.get('/import'), await lin.get('/account')];
    for (const page of pages) expect(page.text).not.toMatch(/maxlength=/);
    expect(pages[0]!.text).toContain('data-max-chars="200" data-too-long="At most 200 characters here."');
    lin.cookies.set('duiqi_lang', 'zh-CN');
    expect((await lin.get('/glossary')).text).toContain('data-max-chars="2000" data-too-long="此处最多 2,000 个字符。"');
  });
});

async function loggedIn(name: string): Promise<Client> {
  const c = new Client(server.url);
  await c.login(name);
  return c;
}
