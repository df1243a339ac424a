import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, Client, startTestServer, type TestServer } from '../support/test-server.ts';
import { pairWith, seedDocuments } from '../support/seed.ts';

let server: TestServer;
let docs: { demo: number; other: number };

beforeAll(async () => {
  server = await startTestServer();
  await addUser(server.store, 'lin', 'translator');
  await addUser(server.store, 'wang', 'reviewer');
  docs = await seedDocuments(server.store);
});
afterAll(() => server.close());

async function editorOf(who: string, pairId: number, docId = docs.demo) {
  const c = new Client(server.url);
  await c.login(who);
  await c.get('/documents'); // the session's CSRF token comes with the first page after login
  const res = await c.get(`/documents/${docId}/pairs/${pairId}/edit`);
  const version = /name="version" value="(\d+)"/.exec(res.text)![1]!;
  return { c, res, version };
}

const htmx = (c: Client) => ({ 'X-CSRF-Token': c.csrf, 'HX-Request': 'true' });

describe('the editor fragments', () => {
  it('when two people edit the same pair then the second save gets 409 showing both texts, and a retry succeeds', async () => {
    const pair = await pairWith(server.store, docs.demo, 'level and level');
    const a = await editorOf('lin', pair.id);
    const b = await editorOf('wang', pair.id);
    const url = `/documents/${docs.demo}/pairs/${pair.id}/save`;
    const first = await a.c.request('POST', url, { form: { tgt: 'Version by Lin.', version: a.version, opened_at: String(Date.now() - 5000) }, headers: htmx(a.c) });
    expect(first.status).toBe(200);
    expect(first.headers.get('hx-trigger')).toBe('pair-changed');
    expect(first.text).toContain('data-state="translated"');
    const stale = await b.c.request('POST', url, { form: { tgt: 'Version by Wang.', version: b.version }, headers: htmx(b.c) });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('data-testid="conflict"');
    expect(stale.text).toContain('Version by Lin.');
    expect(stale.text).toContain('Version by Wang.');
    // Who saved over the reader and what the pair is now: saving again replaces Lin's translation.
    expect(stale.text).toContain('Current text, now translated (last changed by <span translate="no">lin</span>)');
    const newVersion = /name="version" value="(\d+)"/.exec(stale.text)![1]!;
    expect(Number(newVersion)).toBe(Number(b.version) + 1);
    const retry = await b.c.request('POST', url, { form: { tgt: 'Version by Wang.', version: newVersion }, headers: htmx(b.c) });
    expect(retry.status).toBe(200);
    expect(await server.value('SELECT tgt_text FROM pairs WHERE id = ?', [pair.id])).toBe('Version by Wang.');
    const seconds = (await server.value('SELECT edit_seconds FROM pairs WHERE id = ?', [pair.id])) as number;
    expect(seconds).toBeGreaterThanOrEqual(5);
  });

  it('when a reviewer rejects without a comment then the editor comes back with the message inline', async () => {
    const pair = await pairWith(server.store, docs.demo, 'Moon Jae-in is in China');
    const { c, version } = await editorOf('wang', pair.id);
    const res = await c.request('POST', `/documents/${docs.demo}/pairs/${pair.id}/reject`, { form: { tgt: pair.tgt, version, comment: ' ' }, headers: htmx(c) });
    expect(res.status).toBe(400);
    expect(res.text).toContain('data-testid="pair-editor"');
    expect(res.text).toContain('Say why you reject this pair');
  });

  it('when a reviewer edits and approves in one step then the edit is saved and approved', async () => {
    const pair = await pairWith(server.store, docs.demo, 'Korean Peninsula');
    const { c, version } = await editorOf('wang', pair.id);
    const text = 'The two heads of state also exchanged views on the situation on the Korean Peninsula.';
    const res = await c.request('POST', `/documents/${docs.demo}/pairs/${pair.id}/approve?next=1`, { form: { tgt: `${text} `, version }, headers: htmx(c) });
    expect(res.status).toBe(200);
    expect(res.text).toContain('data-open-next="true"');
    const row = (await server.rows('SELECT tgt_text, state, version FROM pairs WHERE id = ?', [pair.id]))[0];
    expect(row).toEqual({ tgt_text: text, state: 30, version: Number(version) + 1 });
  });

  it('when a translator posts to approve then 403 and nothing changes', async () => {
    const pair = await pairWith(server.store, docs.demo, 'Xinjiang-related issues');
    const { c, version } = await editorOf('lin', pair.id);
    const res = await c.request('POST', `/documents/${docs.demo}/pairs/${pair.id}/approve`, { form: { version }, headers: htmx(c) });
    expect(res.status).toBe(403);
    expect(await server.value('SELECT state FROM pairs WHERE id = ?', [pair.id])).toBe(pair.state);
  });
});

describe('filters and progress', () => {
  it('when rows are filtered by state or text then only matching rows come back', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    const untranslated = await c.get(`/documents/${docs.demo}/rows?state=untranslated`, { 'HX-Request': 'true' });
    const rows = untranslated.text.match(/data-testid="pair-row"/g) ?? [];
    expect(rows).toHaveLength(2);
    expect(untranslated.text).toContain('金灿荣教授 精华精选');
    const zh = await c.get(`/documents/${docs.demo}/rows?q=${encodeURIComponent('人文交流')}`);
    expect(zh.text).toContain('Joint Committee');
    expect(zh.text).not.toContain('Moon Jae-in is in China');
    const en = await c.get(`/documents/${docs.demo}/rows?q=JUSTICE`);
    expect(en.text).toContain('公平正义');
    const bad = await c.get(`/documents/${docs.demo}/rows?state=lost`);
    expect(bad.status).toBe(400);
  });

  it('when the QA filter names no check then the page and its rows answer 400 with a sentence in the reader\'s language, not every row', async () => {
    for (const [lang, sentence] of [['en', 'There is no QA check “numbrs” to filter by: choose a check from the list.'],
      ['zh-CN', '没有可供筛选的 QA 检查“numbrs”：请从列表中选择一项检查。']] as const) {
      const c = new Client(server.url);
      await c.login('lin', undefined, { 'accept-language': lang });
      for (const path of [`/documents/${docs.demo}?qa=numbrs`, `/documents/${docs.demo}/rows?qa=numbrs`]) {
        const res = await c.get(path, { 'accept-language': lang });
        expect(res.status, path).toBe(400);
        // The quoted value is marked not to be translated: the sentence is read without the markup.
        expect(res.text.replace(/<[^>]+>/g, ''), path).toContain(sentence);
        expect(res.text, path).not.toContain('data-testid="pair-row"');
      }
      const state = await c.get(`/documents/${docs.demo}?state=lost`, { 'accept-language': lang });
      expect(state.text.replace(/<[^>]+>/g, '')).toContain(lang === 'en' ? 'There is no state “lost” to filter by' : '没有可供筛选的状态“lost”');
    }
    const c = new Client(server.url);
    await c.login('lin');
    for (const qa of ['any', 'numbers', 'source', '']) expect((await c.get(`/documents/${docs.demo}?qa=${qa}`)).status, qa).toBe(200);
    // What the address holds is quoted back cut short.
    const long = await c.get(`/documents/${docs.demo}?qa=${'x'.repeat(5000)}`);
    expect(long.status).toBe(400);
    expect(long.text.replace(/<[^>]+>/g, '')).toContain(`“${'x'.repeat(40)}…”`);
  });

  it('when the progress fragment is fetched then it counts pairs by state', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    const res = await c.get(`/documents/${docs.demo}/progress`);
    const count = (state: string) => Number(new RegExp(`data-state="${state}" data-count="(\\d+)"`).exec(res.text)![1]);
    const total = await server.value('SELECT count(*) FROM pairs WHERE document_id = ? AND noise = 0', [docs.demo]);
    expect(count('approved') + count('translated') + count('machine') + count('untranslated')).toBe(total);
    expect(count('approved')).toBe(await server.value('SELECT count(*) FROM pairs WHERE document_id = ? AND state = 30', [docs.demo]));
  });
});

describe('hostile field types on the HTML routes', () => {
  it('when JSON objects stand where strings belong then the answer is 4xx, never 500', async () => {
    const pair = await pairWith(server.store, docs.demo, 'Moon Jae-in is in China');
    const { c } = await editorOf('lin', pair.id);
    const evil = { toString: null, valueOf: null };
    for (const body of [{ version: evil, tgt: 'x' }, { version: '1', tgt: evil }]) {
      const res = await c.request('POST', `/documents/${docs.demo}/pairs/${pair.id}/save`, { json: body, headers: htmx(c) });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    // An unreadable editor-open time only loses the editing time, not the save.
    const timed = await c.request('POST', `/documents/${docs.demo}/pairs/${pair.id}/save`, { json: { version: String(pair.version), opened_at: evil, tgt: 'x' }, headers: htmx(c) });
    expect(timed.status).toBe(200);
    const anonymous = new Client(server.url);
    await anonymous.get('/login');
    const login = await anonymous.request('POST', '/login', { json: { name: evil, password: evil, _csrf: anonymous.csrf } });
    expect(login.status).toBe(401);
    const lang = await c.request('POST', '/language', { json: { lang: evil }, headers: htmx(c) });
    expect(lang.status).toBe(400);
  });
});

describe('QA flags on rows', () => {
  it('when only the Chinese has a number then the flag says which numbers the English lacks, and nothing about extras', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    const row = await c.get(`/documents/${docs.demo}/rows?q=${encodeURIComponent('12月23日')}`);
    expect(row.text).toMatch(/Numbers missing from the English: 12, 23/);
    expect(row.text).not.toMatch(/extra: \)/);
  });
});
