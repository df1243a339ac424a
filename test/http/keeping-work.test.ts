// Nothing typed is lost, server side: an empty save is refused inline, clearing is its own action, an earlier
// version can be restored, and a request whose session ended gets a notice that lets the page retry it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestServer } from '../support/test-server.ts';
import { pairWith, startSeededServer } from '../support/seed.ts';

let seeded: Awaited<ReturnType<typeof startSeededServer>>;
let server: TestServer;
let demo: number;

beforeAll(async () => {
  seeded = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer']]);
  ({ server } = seeded);
  demo = seeded.docs.demo;
});
afterAll(() => server.close());

const stored = async (id: number) => (await server.rows('SELECT tgt_text AS text, state, version FROM pairs WHERE id = ?', [id]))[0] as
  { text: string; state: number; version: number };
const revisions = async (id: number) => (await server.rows(
  'SELECT r.version, r.action, r.new_text AS text, u.name AS author FROM revisions r LEFT JOIN users u ON u.id = r.author_id WHERE pair_id = ? ORDER BY r.version',
  [id])) as { version: number; action: string; text: string; author: string }[];

async function signedIn(name: string): Promise<Client> {
  const c = new Client(server.url);
  await c.login(name);
  await c.get('/documents');
  return c;
}
const htmx = (c: Client) => ({ 'X-CSRF-Token': c.csrf, 'HX-Request': 'true' });
const pairUrl = (pairId: number) => `/documents/${demo}/pairs/${pairId}`;
/** The versions a History fragment offers to restore. */
const offered = (history: string) => [...history.matchAll(/revision&quot;:&quot;(\d+)&quot;/g)].map((m) => Number(m[1]));

describe('saving an empty box', () => {
  it('when the editor is saved empty then 400 with the message inline, the editor and no conflict, and nothing stored', async () => {
    const pair = await pairWith(server.store, demo, 'scheduled in Chengdu today');
    const c = await signedIn('lin');
    const res = await c.request('POST', `${pairUrl(pair.id)}/save`, { form: { tgt: '  ', version: String(pair.version) }, headers: htmx(c) });
    expect(res.status).toBe(400);
    expect(res.text).toContain('data-testid="pair-editor"');
    expect(res.text).toContain('To remove the translation, use “Clear translation”.');
    expect(res.text).not.toContain('data-testid="conflict"');
    expect(await stored(pair.id)).toEqual({ text: pair.tgt, state: pair.state, version: pair.version });
    const api = await seeded.api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: '', version: pair.version });
    expect(api.status).toBe(400);
    expect(api.json().error).toMatch(/Clear translation/);
    expect(await revisions(pair.id)).toEqual([]);
  });

  it('when a refused save had typed text then the box gives it back, marked unsaved', async () => {
    const pair = await pairWith(server.store, demo, 'scheduled in Chengdu today');
    const c = await signedIn('lin');
    const typed = 'Ding Xuexiang \u0001 attended.';
    const res = await c.request('POST', `${pairUrl(pair.id)}/save`, { form: { tgt: typed, version: String(pair.version) }, headers: htmx(c) });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/<textarea[^>]*data-unsaved[^>]*>Ding Xuexiang \u0001 attended\.<\/textarea>/);
  });
});

describe('clearing a translation', () => {
  it('when a translator clears a pair in the editor then it is untranslated, recorded as "clear" by them, and History can restore it', async () => {
    const pair = await pairWith(server.store, demo, 'The affairs of Hong Kong');
    const c = await signedIn('lin');
    const editor = await c.get(`${pairUrl(pair.id)}/edit`);
    expect(editor.text).toContain('data-testid="clear-translation"');
    expect(editor.text).toMatch(/hx-confirm="Remove the English of this pair\?/);
    const res = await c.request('POST', `${pairUrl(pair.id)}/clear`, { form: { version: String(pair.version), tgt: pair.tgt }, headers: htmx(c) });
    expect(res.status).toBe(200);
    expect(res.text).toContain('data-state="untranslated"');
    expect(await stored(pair.id)).toEqual({ text: '', state: 0, version: pair.version + 1 });
    expect(await revisions(pair.id)).toEqual([{ version: pair.version + 1, action: 'clear', text: '', author: 'lin' }]);
    const again = await c.request('POST', `${pairUrl(pair.id)}/clear`, { form: { version: String(pair.version + 1) }, headers: htmx(c) });
    expect(again.status).toBe(400);
    expect(again.text).toContain('There is no English to clear.');
    expect((await c.get(`${pairUrl(pair.id)}/edit`)).text).not.toContain('data-testid="clear-translation"');

    // The clear left nothing to restore; the text it removed is offered as the version before it.
    const history = await c.get(`${pairUrl(pair.id)}/history`);
    expect(history.text).toContain('cleared');
    expect(offered(history.text)).toEqual([pair.version]);
    const back = await c.request('POST', `${pairUrl(pair.id)}/restore`, { form: { version: String(pair.version + 1), revision: String(pair.version) }, headers: htmx(c) });
    expect(back.status).toBe(200);
    expect(await stored(pair.id)).toEqual({ text: pair.tgt, state: 20, version: pair.version + 2 });
  });

  it('when the API clears with a stale version then 409 and nothing changes', async () => {
    const pair = await pairWith(server.store, demo, 'Joint Committee');
    await seeded.api('wang', 'PUT', `/api/pairs/${pair.id}`, { tgt: 'Edited by Wang.', version: pair.version });
    const res = await seeded.api('lin', 'POST', `/api/pairs/${pair.id}/clear`, { version: pair.version });
    expect(res.status).toBe(409);
    expect((await stored(pair.id)).text).toBe('Edited by Wang.');
    const ok = await seeded.api('lin', 'POST', `/api/pairs/${pair.id}/clear`, { version: pair.version + 1 });
    expect(ok.json()).toEqual({ version: pair.version + 2, state: 0 });
  });
});

describe('restoring a version', () => {
  it('when a reviewer restores an earlier version from History then it is a new revision by the reviewer, and a stale restore is refused', async () => {
    const pair = await pairWith(server.store, demo, 'level and level');
    const v = pair.version;
    expect((await seeded.api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: 'The first fix “一”.', version: v })).status).toBe(200);
    expect((await seeded.api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: 'A worse second fix.', version: v + 1 })).status).toBe(200);
    const c = await signedIn('wang');
    const history = await c.get(`${pairUrl(pair.id)}/history`);
    // The current text has no button; the first fix and the text before any change have one.
    expect(offered(history.text)).toEqual([v + 1, v]);

    const stale = await c.request('POST', `${pairUrl(pair.id)}/restore`, { form: { version: String(v + 1), revision: String(v + 1) }, headers: htmx(c) });
    expect(stale.status).toBe(409);
    expect((await stored(pair.id)).text).toBe('A worse second fix.');

    const res = await c.request('POST', `${pairUrl(pair.id)}/restore`, { form: { version: String(v + 2), revision: String(v + 1) }, headers: htmx(c) });
    expect(res.status).toBe(200);
    expect(res.text).toContain('The first fix “一”.');
    expect(await stored(pair.id)).toEqual({ text: 'The first fix “一”.', state: 20, version: v + 3 });
    expect((await revisions(pair.id)).at(-1)).toEqual({ version: v + 3, action: 'restore', text: 'The first fix “一”.', author: 'wang' });
    expect((await c.get(`${pairUrl(pair.id)}/history`)).text).toContain('restored');
  });

  it('when the API restores a version the pair never had then 404 with a sentence, and a good one answers the new version', async () => {
    const pair = await pairWith(server.store, demo, '水平和层次');
    const now = await stored(pair.id);
    const missing = await seeded.api('lin', 'POST', `/api/pairs/${pair.id}/restore`, { version: now.version, revision: 999 });
    expect(missing.status).toBe(404);
    expect(missing.json().error).toBe('This pair has no version 999.');
    const noRevision = await seeded.api('lin', 'POST', `/api/pairs/${pair.id}/restore`, { version: now.version });
    expect(noRevision.status).toBe(400);
    expect(noRevision.json().message).toBe('Say which version to restore ("revision": a whole number).');
    const ok = await seeded.api('lin', 'POST', `/api/pairs/${pair.id}/restore`, { version: now.version, revision: now.version - 1 });
    expect(ok.json()).toEqual({ version: now.version + 1, state: 20 });
    expect((await stored(pair.id)).text).toBe('A worse second fix.');
  });
});

describe('a session that ended under the page', () => {
  it('when a save arrives after a logout in another tab then 401 with the sign-in notice, nothing stored; after signing in the page gets the new token and the retry saves', async () => {
    const pair = await pairWith(server.store, demo, 'Korean Peninsula');
    const tab = await signedIn('lin');
    const editor = await tab.get(`${pairUrl(pair.id)}/edit`);
    const version = /name="version" value="(\d+)"/.exec(editor.text)![1]!;
    const oldToken = tab.csrf;
    // The other tab logs out: the cookie jar is the browser's, shared by both tabs.
    await tab.request('POST', '/logout', { form: { _csrf: oldToken } });

    const form = { tgt: 'Typed while signed out.', version };
    const refused = await tab.request('POST', `${pairUrl(pair.id)}/save`, { form, headers: { 'X-CSRF-Token': oldToken, 'HX-Request': 'true' } });
    expect(refused.status).toBe(401);
    expect(refused.text).toContain('data-testid="session-lost"');
    expect(refused.text).toContain('You are signed out');
    expect(refused.text).toContain('href="/login?next=%2Fsigned-in" target="_blank"');
    expect(refused.text).toContain('data-session-retry');
    expect((await stored(pair.id)).text).toBe(pair.tgt);
    expect((await tab.get('/api/session')).status).toBe(401);

    await tab.login('lin');
    const landing = await tab.get('/signed-in');
    expect(landing.text).toContain('You are signed in as lin');
    const session = await tab.get('/api/session');
    expect(session.headers.get('cache-control')).toBe('no-store');
    const { user, csrfToken } = session.json();
    expect(user).toEqual({ name: 'lin', role: 'translator' });
    expect(csrfToken).not.toBe(oldToken);
    const retried = await tab.request('POST', `${pairUrl(pair.id)}/save`, { form, headers: { 'X-CSRF-Token': csrfToken, 'HX-Request': 'true' } });
    expect(retried.status).toBe(200);
    expect(await stored(pair.id)).toMatchObject({ text: 'Typed while signed out.', state: 20 });
  });

  it('when a plain form is posted after the session ended then the login page is asked for, returning to the page the form was on', async () => {
    const c = new Client(server.url);
    await c.get('/login');
    const res = await c.request('POST', `/documents/${demo}/machine-translate`, {
      form: { _csrf: c.csrf }, headers: { referer: `${server.url}/documents/${demo}?state=untranslated` },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/documents/${demo}?state=untranslated`)}`);
    const elsewhere = await c.request('POST', `/documents/${demo}/machine-translate`, { form: { _csrf: c.csrf }, headers: { referer: 'https://evil.example/x' } });
    expect(elsewhere.headers.get('location')).toBe('/login?next=%2Fdocuments');
  });

  it('when the stale tab presses Log out then it is simply logged out, not told its form expired', async () => {
    const tab = await signedIn('lin');
    const token = tab.csrf;
    await tab.request('POST', '/logout', { form: { _csrf: token } });
    const again = await tab.request('POST', '/logout', { form: { _csrf: token } });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/login');
  });

  it('when the session is gone in Chinese then the notice is Chinese too', async () => {
    const c = new Client(server.url);
    await c.get('/login');
    const res = await c.request('POST', `${pairUrl(1)}/save`, { form: { tgt: 'x', version: '1' }, headers: { 'X-CSRF-Token': c.csrf, 'HX-Request': 'true', 'Accept-Language': 'zh-CN' } });
    expect(res.status).toBe(401);
    expect(res.text).toContain('您已退出登录');
    expect(res.text).toContain('重新登录（新标签页）');
  });
});
