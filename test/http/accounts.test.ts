// Managing accounts: the admin's user list and the user's own account, as pages, forms and JSON.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../server/services/accounts.ts';
import { addUser, Client, startTestServer, type TestServer } from '../support/test-server.ts';
import { importTextDocument } from '../../server/services/import-document.ts';
import { defaultAligner } from '../../server/services/workbench.ts';

let server: TestServer;
let root: Client;

// Portable SQL, so that the checks of what was stored run on both databases.
const value = (sql: string, params?: unknown[]) => server.value(sql, params);
const idOf = (name: string) => server.value<number>('SELECT id FROM users WHERE name = ?', [name]);
const userRow = async (name: string) => (await server.rows<{ role: string; deactivated_at: string | null; must_change_password: number; last_login_at: string | null }>(
  'SELECT role, deactivated_at, must_change_password, last_login_at FROM users WHERE name = ?', [name]))[0]!;
const bearer = (token: string, path = '/api/documents') => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
const oneTimeIn = (html: string) => /data-testid="one-time-password">([^<]+)</.exec(html)?.[1];

async function signedIn(name: string, password?: string): Promise<Client> {
  const c = new Client(server.url);
  await c.login(name, password);
  await c.get('/account');
  return c;
}

beforeAll(async () => {
  server = await startTestServer();
  await addUser(server.store, 'root', 'admin');
  await addUser(server.store, 'lin', 'translator');
  await addUser(server.store, 'wang', 'reviewer');
  root = await signedIn('root');
});
afterAll(() => server.close());

describe('the admin user list (/admin/users)', () => {
  it('when an admin opens it then every user is listed with role, last sign-in and state, and the header links to it', async () => {
    const page = await root.get('/admin/users');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="nav-users"');
    const lin = /data-testid="user-lin"[\s\S]*?<\/tr>/.exec(page.text)![0];
    expect(lin).toMatch(/<option value="translator" selected>/);
    expect(lin).toContain('never');
    expect(lin).toContain('active');
    const rootRow = /data-testid="user-root"[\s\S]*?<\/tr>/.exec(page.text)![0];
    expect(rootRow).toMatch(/UTC/);
    expect((await userRow('root')).last_login_at).not.toBeNull();
    // A time reads as every other page writes one in 中文 (the document list, History): 5日 15:26（UTC）, not 15:26 UTC.
    const inChinese = /data-testid="user-root"[\s\S]*?<\/tr>/.exec((await root.get('/admin/users', { 'accept-language': 'zh-CN' })).text)![0];
    expect(inChinese).toMatch(/日 \d\d:\d\d（UTC）/);
  });

  it('when a translator or a reviewer opens it or posts to it then 403, and the header has no link', async () => {
    for (const name of ['lin', 'wang']) {
      const c = await signedIn(name);
      expect((await c.get('/documents')).text).not.toContain('data-testid="nav-users"');
      expect((await c.get('/admin/users')).status).toBe(403);
      const post = await c.request('POST', `/admin/users/${await idOf('root')}/deactivate`, { form: { _csrf: c.csrf } });
      expect(post.status).toBe(403);
      expect((await userRow('root')).deactivated_at).toBeNull();
    }
  });

  it('when an admin creates a user then a one-time password is shown once and the new user must replace it at the first sign-in', async () => {
    const res = await root.request('POST', '/admin/users', { form: { _csrf: root.csrf, name: 'zhao', role: 'reviewer' } });
    expect(res.status).toBe(200);
    const password = oneTimeIn(res.text)!;
    expect(password).toMatch(/^\S{12,}$/);
    expect(await userRow('zhao')).toMatchObject({ role: 'reviewer', must_change_password: 1 });
    expect((await root.get('/admin/users')).text).not.toContain(password);

    const zhao = new Client(server.url);
    expect((await zhao.login('zhao', password)).status).toBe(303);
    const blocked = await zhao.get('/documents');
    expect(blocked.status).toBe(303);
    expect(blocked.headers.get('location')).toBe('/account');
    const account = await zhao.get('/account');
    expect(account.text).toContain('data-testid="must-change"');
    // Nobody reset a password that a new account never had: the sentence fits both the new account and a reset.
    expect(account.text).not.toContain('reset your password');
    expect(account.text).toContain('An admin gave you a one-time password.');
    const api = await zhao.request('GET', '/api/documents');
    expect(api.status).toBe(403);
    expect(api.json().error).toMatch(/Choose a new password/);
    const changed = await zhao.request('POST', '/account/password', { form: { _csrf: zhao.csrf, current: password, password: 'zhao-own-pass-1' } });
    expect(changed.status).toBe(200);
    expect((await userRow('zhao')).must_change_password).toBe(0);
    expect((await zhao.get('/documents')).status).toBe(200);
  });

  it.each([
    [{ name: 'no spaces allowed', role: 'translator' }, 400, 'A user name is 1 to 64 letters'],
    [{ name: 'sun', role: 'boss' }, 400, 'The role must be'],
    [{ name: 'lin', role: 'translator' }, 409, 'A user named &quot;lin&quot; already exists.'],
  ])('when an admin creates %j then %i with the sentence in the list, and nothing is stored', async (form, status, sentence) => {
    const before = await value('SELECT count(*) FROM users');
    const res = await root.request('POST', '/admin/users', { form: { _csrf: root.csrf, ...form }, headers: { 'HX-Request': 'true' } });
    expect(res.status).toBe(status);
    expect(res.text).toContain('data-testid="users-error"');
    expect(res.text).toContain(sentence);
    expect(res.text).toMatch(/^<div id="users">/);
    expect(await value('SELECT count(*) FROM users')).toBe(before);
  });

  it('when an admin changes a role then it is stored and the list says so', async () => {
    const res = await root.request('POST', `/admin/users/${await idOf('lin')}/role`, { form: { _csrf: root.csrf, role: 'reviewer' } });
    expect(res.status).toBe(200);
    expect(res.text).toContain('lin is now reviewer.');
    expect((await userRow('lin')).role).toBe('reviewer');
    await root.request('POST', `/admin/users/${await idOf('lin')}/role`, { form: { _csrf: root.csrf, role: 'translator' } });
    expect((await userRow('lin')).role).toBe('translator');
  });

  it('when the last active admin would lose the role then 409 says why and the role stays', async () => {
    const res = await root.request('POST', `/admin/users/${await idOf('root')}/role`, { form: { _csrf: root.csrf, role: 'translator' } });
    expect(res.status).toBe(409);
    expect(res.text).toContain('&quot;root&quot; is the last active admin: make another user admin first.');
    expect((await userRow('root')).role).toBe('admin');
  });

  it('when an admin deactivates themselves or resets their own password then 400 with a sentence', async () => {
    const self = await root.request('POST', `/admin/users/${await idOf('root')}/deactivate`, { form: { _csrf: root.csrf } });
    expect(self.status).toBe(400);
    expect(self.text).toContain('You cannot deactivate your own account.');
    const reset = await root.request('POST', `/admin/users/${await idOf('root')}/reset-password`, { form: { _csrf: root.csrf } });
    expect(reset.status).toBe(400);
    expect(reset.text).toContain('Change your own password on your account page.');
    expect((await userRow('root')).deactivated_at).toBeNull();
  });

  it('when a user id names nobody then 404 with a sentence', async () => {
    const res = await root.request('POST', '/admin/users/9999/deactivate', { form: { _csrf: root.csrf } });
    expect(res.status).toBe(404);
    expect(res.text).toContain('There is no such user.');
  });
});

describe('deactivation', () => {
  it("when a user is deactivated then their open session and their token are refused at their very next request; a sign-in says why", async () => {
    await addUser(server.store, 'qian', 'translator');
    const qian = await signedIn('qian');
    const token = await accounts(server.store).createToken('qian', 'script');
    expect((await bearer(token)).status).toBe(200);
    expect((await qian.get('/documents')).status).toBe(200);

    const res = await root.request('POST', `/admin/users/${await idOf('qian')}/deactivate`, { form: { _csrf: root.csrf } });
    expect(res.status).toBe(200);
    expect(/data-testid="user-qian"[\s\S]*?<\/tr>/.exec(res.text)![0]).toContain('deactivated');

    const page = await qian.get('/documents');
    expect(page.status).toBe(401);
    expect(page.text).toContain('An admin deactivated your account');
    expect((await qian.request('GET', '/api/documents')).status).toBe(401);
    expect((await bearer(token)).status).toBe(401);
    expect(await value('SELECT count(*) FROM sessions WHERE user_id = ?', [await idOf('qian')])).toBe(0);
    expect(await value('SELECT count(*) FROM api_tokens WHERE user_id = ?', [await idOf('qian')])).toBe(0);

    const again = await new Client(server.url).login('qian');
    expect(again.status).toBe(401);
    expect(again.text).toContain('This account is deactivated. Ask an admin to reactivate it.');
    const wrong = await new Client(server.url).login('qian', 'not the password');
    expect(wrong.text).toContain('The user name or password is wrong.');

    const back = await root.request('POST', `/admin/users/${await idOf('qian')}/reactivate`, { form: { _csrf: root.csrf } });
    expect(back.text).toContain('qian may sign in again.');
    expect((await new Client(server.url).login('qian')).status).toBe(303);
    // Reactivating restores the sign-in, not the revoked token.
    expect((await bearer(token)).status).toBe(401);
  });

  it("when a user is deactivated while editing then every kind of request says so in their language, not that the session ended, and nothing is saved; after reactivation the old page is only signed out", async () => {
    const doc = await importTextDocument({ store: server.store, align: defaultAligner() }, {
      title: '停用', createdBy: null, zh: { name: 'zh.txt', text: '双方交换了意见。' }, en: { name: 'en.txt', text: 'The two sides exchanged views.' },
    });
    const pair = await server.value<number>('SELECT id FROM pairs WHERE document_id = ?', [doc]);
    await addUser(server.store, 'xu', 'translator');
    const xu = await signedIn('xu');
    const editor = await xu.get(`/documents/${doc}/pairs/${pair}/edit`, { 'HX-Request': 'true' });
    expect(editor.status).toBe(200);
    const csrf = xu.csrf;
    const token = await accounts(server.store).createToken('xu', 'script');
    expect((await root.request('POST', `/admin/users/${await idOf('xu')}/deactivate`, { form: { _csrf: root.csrf } })).status).toBe(200);

    const save = (lang: string) => xu.request('POST', `/documents/${doc}/pairs/${pair}/save`, {
      form: { version: '1', tgt: 'Both sides exchanged their views.', _csrf: csrf }, headers: { 'HX-Request': 'true', 'X-CSRF-Token': csrf, 'accept-language': lang },
    });
    const saved = await save('en');
    expect(saved.status).toBe(401);
    expect(saved.headers.get('x-duiqi-refusal')).toBe('1');
    expect(saved.text).toContain('data-testid="account-deactivated"');
    expect(saved.text).toContain('An admin deactivated your account, so this was not done. What you typed is still on this page');
    expect(saved.text).not.toContain('data-session-retry');
    expect((await save('zh-CN')).text).toContain('管理员停用了你的账户，因此这一操作没有完成。');
    expect(await value('SELECT tgt_text FROM pairs WHERE id = ?', [pair])).toBe('The two sides exchanged views.');

    const fragment = await xu.get(`/documents/${doc}/pairs/${pair}/row`, { 'HX-Request': 'true' });
    expect(fragment.status).toBe(401);
    expect(fragment.text).toContain('data-testid="account-deactivated"');
    const page = await xu.get(`/documents/${doc}`, { 'accept-language': 'zh-CN' });
    expect(page.status).toBe(401);
    expect(page.text).toContain('管理员停用了你的账户：你已退出登录');
    expect(page.text).toContain('<a href="/login">用其他账户登录</a>');
    const json = await xu.request('PUT', `/api/pairs/${pair}`, { json: { tgt: 'Both sides.', version: 1 }, headers: { 'X-CSRF-Token': csrf } });
    expect(json.status).toBe(401);
    expect(json.json()).toMatchObject({ error: expect.stringMatching(/deactivated by an admin/), message: expect.stringMatching(/^An admin deactivated your account/) });
    expect((await xu.get('/api/session')).json().message).toMatch(/^An admin deactivated your account/);
    expect((await (await bearer(token)).json()).error).toMatch(/deactivated by an admin/);
    expect(await value('SELECT version FROM pairs WHERE id = ?', [pair])).toBe(1);

    // The login page still opens, for someone else to sign in on this browser.
    expect((await xu.get('/login')).status).toBe(200);

    expect((await root.request('POST', `/admin/users/${await idOf('xu')}/reactivate`, { form: { _csrf: root.csrf } })).status).toBe(200);
    const after = await save('en');
    expect(after.status).toBe(401);
    expect(after.text).toContain('data-session-retry');
    expect((await (await bearer(token)).json()).error).toBe('The API token is not valid.');
    expect(await value('SELECT count(*) FROM deactivated_credentials WHERE user_id = ?', [await idOf('xu')])).toBe(0);
  });

  it('when a user is deactivated without their sessions being ended then the session lookup itself refuses the next request', async () => {
    await addUser(server.store, 'sun', 'translator');
    const sun = await signedIn('sun');
    const sid = sun.cookies.get('duiqi_sid')!;
    // Deactivated behind the server's back: the lookup itself must refuse, not only the cleanup of sessions.
    await server.rows("UPDATE users SET deactivated_at = '2026-01-01T00:00:00.000Z' WHERE name = 'sun'");
    expect(await value('SELECT count(*) FROM sessions WHERE id = ?', [createHash('sha256').update(sid).digest('hex')])).toBe(1);
    expect((await sun.request('GET', '/api/documents')).status).toBe(401);
    await server.rows("UPDATE users SET deactivated_at = NULL WHERE name = 'sun'");
  });
});

describe('a deleted account', () => {
  it('when a user row is deleted (no command does it: an admin at the database) then their open session and their token are refused at the next request', async () => {
    await addUser(server.store, 'gone', 'translator');
    const gone = await signedIn('gone');
    const token = await accounts(server.store).createToken('gone', 'script');
    expect((await gone.request('GET', '/api/documents')).status).toBe(200);
    await server.rows('DELETE FROM users WHERE name = ?', ['gone']);
    expect((await gone.request('GET', '/api/documents')).status).toBe(401);
    expect((await gone.get('/documents')).status).not.toBe(200);
    expect((await bearer(token)).status).toBe(401);
  });
});

describe('password reset', () => {
  it("when an admin resets a password then the one-time password is shown once, the user's sessions end everywhere, their API tokens are revoked and the old password stops working", async () => {
    await addUser(server.store, 'zhou', 'translator');
    const zhou = await signedIn('zhou');
    const elsewhere = await signedIn('zhou');
    const token = await accounts(server.store).createToken('zhou', 'script');
    expect((await bearer(token)).status).toBe(200);
    const res = await root.request('POST', `/admin/users/${await idOf('zhou')}/reset-password`, { form: { _csrf: root.csrf } });
    expect(res.status).toBe(200);
    expect(res.text).toContain('password is reset: their sessions have ended and their API tokens are revoked.');
    const password = oneTimeIn(res.text)!;
    expect((await userRow('zhou')).must_change_password).toBe(1);
    expect((await zhou.request('GET', '/api/documents')).status).toBe(401);
    expect((await elsewhere.get('/documents')).status).not.toBe(200);
    // A token made by whoever held the account must not outlive the reset.
    expect((await bearer(token)).status).toBe(401);
    expect(await value('SELECT count(*) FROM sessions WHERE user_id = ?', [await idOf('zhou')])).toBe(0);
    expect(await value('SELECT count(*) FROM api_tokens WHERE user_id = ?', [await idOf('zhou')])).toBe(0);
    expect((await new Client(server.url).login('zhou')).status).toBe(401);
    const fresh = new Client(server.url);
    await fresh.login('zhou', password);
    expect((await fresh.get('/glossary')).headers.get('location')).toBe('/account');
    const post = await fresh.request('POST', '/glossary', { form: { _csrf: fresh.csrf, zh: '词', en: 'word' } });
    expect(post.status).toBe(403);
    const same = await fresh.request('POST', '/account/password', { form: { _csrf: fresh.csrf, current: password, password } });
    expect(same.status).toBe(400);
    expect(same.text).toContain('The new password must differ from the current one.');
    await fresh.request('POST', '/account/password', { form: { _csrf: fresh.csrf, current: password, password: 'zhou-new-pass-1' } });
    expect((await fresh.get('/glossary')).status).toBe(200);
  });

  it('when a user signed in with a one-time password asks for a download or an import then the account page comes first there too', async () => {
    // The download and upload routes come before the app-wide checks (an upload's CSRF token is in its body): they
    // once answered such a session as any other.
    const doc = await importTextDocument({ store: server.store, align: defaultAligner() }, {
      title: '公报', createdBy: null, zh: { name: 'zh.txt', text: '双方交换了意见。' }, en: { name: 'en.txt', text: 'The two sides exchanged views.' },
    });
    const created = await root.request('POST', '/api/users', { json: { name: 'kong', role: 'translator' }, headers: { 'X-CSRF-Token': root.csrf } });
    const kong = new Client(server.url);
    expect((await kong.login('kong', created.json().oneTimePassword)).status).toBe(303);
    await kong.get('/account');
    const refused = (res: { status: number; text: string }) => ({ status: res.status, says: /Choose a new password/.test(res.text) });
    expect(refused(await kong.get(`/api/documents/${doc}/export?format=tmx`))).toEqual({ status: 403, says: true });
    expect(refused(await kong.request('HEAD', `/api/documents/${doc}/translation`))).toEqual({ status: 403, says: false });
    expect((await kong.get(`/documents/${doc}/bilingual?format=html`)).headers.get('location')).toBe('/account');
    expect((await kong.get('/import')).headers.get('location')).toBe('/account');
    const form = new FormData();
    form.append('source', new Blob(['中文。']), 'zh.txt');
    form.append('translation', new Blob(['Chinese.']), 'en.txt');
    const cookie = [...kong.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const upload = await fetch(`${server.url}/api/documents/import`, { method: 'POST', body: form, headers: { cookie, 'X-CSRF-Token': kong.csrf } });
    expect(refused({ status: upload.status, text: await upload.text() })).toEqual({ status: 403, says: true });
    expect(await value('SELECT count(*) FROM documents WHERE id >= ?', [doc])).toBe(1);
  });
});

describe('the account page (/account)', () => {
  it('when a user changes their password then the current one is required, their other sessions end and this one goes on', async () => {
    await addUser(server.store, 'wu', 'reviewer');
    const here = await signedIn('wu');
    const elsewhere = await signedIn('wu');
    const token = await accounts(server.store).createToken('wu', 'wu script');
    const page = await here.get('/account');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="password-form"');
    expect(page.text).toContain('Changing your password ends your other sessions; your API tokens keep working.');

    const wrong = await here.request('POST', '/account/password', { form: { _csrf: here.csrf, current: 'not mine', password: 'wu-new-pass-1' } });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('The current password is wrong.');
    const short = await here.request('POST', '/account/password', { form: { _csrf: here.csrf, current: 'correct horse 12', password: 'short' } });
    expect(short.status).toBe(400);
    expect(short.text).toContain('A password needs at least 8 characters.');

    const ok = await here.request('POST', '/account/password', { form: { _csrf: here.csrf, current: 'correct horse 12', password: 'wu-new-pass-1' } });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('Your password is changed; your other sessions have ended. Your API tokens keep working.');
    expect((await here.get('/documents')).status).toBe(200);
    expect((await elsewhere.request('GET', '/api/documents')).status).toBe(401);
    expect((await elsewhere.get('/documents')).status).not.toBe(200);
    // A routine change keeps the user's scripts running; the account page lists the tokens to revoke one that leaked.
    expect((await bearer(token)).status).toBe(200);
    expect((await new Client(server.url).login('wu')).status).toBe(401);
    expect((await new Client(server.url).login('wu', 'wu-new-pass-1')).status).toBe(303);
  });

  it('when a user creates a token then it is shown once, listed with name, creation and last use, and revoking it refuses it at once', async () => {
    const lin = await signedIn('lin');
    const made = await lin.request('POST', '/account/tokens', { form: { _csrf: lin.csrf, name: 'nightly export' }, headers: { 'HX-Request': 'true' } });
    expect(made.status).toBe(200);
    const token = /data-testid="new-token-value">([^<]+)</.exec(made.text)![1]!;
    expect(token).toMatch(/^dq_/);
    expect((await bearer(token)).status).toBe(200);
    const listed = await lin.get('/account');
    expect(listed.text).not.toContain(token);
    const row = /data-testid="token-row">[\s\S]*?<\/tr>/.exec(listed.text)![0];
    expect(row).toContain('nightly export');
    expect(row.match(/UTC/g)).toHaveLength(2);

    const id = await value("SELECT id FROM api_tokens WHERE name = 'nightly export'") as number;
    const revoked = await lin.request('POST', `/account/tokens/${id}/revoke`, { form: { _csrf: lin.csrf } });
    expect(revoked.status).toBe(200);
    expect(revoked.text).toContain('The token is revoked');
    expect((await bearer(token)).status).toBe(401);
  });

  it("when a user revokes someone else's token or names none then 404 and that token still works", async () => {
    const wangs = await accounts(server.store).createToken('wang', 'ci');
    const id = await value("SELECT id FROM api_tokens WHERE name = 'ci'") as number;
    const lin = await signedIn('lin');
    const res = await lin.request('POST', `/account/tokens/${id}/revoke`, { form: { _csrf: lin.csrf } });
    expect(res.status).toBe(404);
    expect(res.text).toContain('You have no such API token.');
    expect((await bearer(wangs)).status).toBe(200);
    const empty = await lin.request('POST', '/account/tokens', { form: { _csrf: lin.csrf, name: '   ' } });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('A token name is 1 to 100 characters, none of them a control character.');
  });

  it('when a token is named with a control character then it is refused with 400 and no token is made', async () => {
    const lin = await signedIn('lin');
    const before = await value('SELECT count(*) FROM api_tokens');
    for (const name of ['ci\u0000bot', 'ci\u0007bot']) {
      const res = await lin.request('POST', '/api/account/tokens', { json: { name }, headers: { 'X-CSRF-Token': lin.csrf } });
      expect(res.status).toBe(400);
      expect(res.json().error).toBe('A token name is 1 to 100 characters, none of them a control character.');
    }
    expect(await value('SELECT count(*) FROM api_tokens')).toBe(before);
  });

  it('when the page is asked for without a session then it goes to the login', async () => {
    const res = await new Client(server.url).get('/account');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Faccount');
  });
});

describe('the JSON API for users (/api/users) and for one\'s own account (/api/account)', () => {
  let adminToken: string;
  beforeAll(async () => {
    adminToken = await accounts(server.store).createToken('root', 'admin script');
  });
  const api = (method: string, path: string, json?: unknown, token = adminToken) => fetch(`${server.url}${path}`, {
    method, headers: { authorization: `Bearer ${token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    body: json === undefined ? undefined : JSON.stringify(json),
  });

  it('when an admin lists users then each comes with role, last sign-in and state; others get 403', async () => {
    const res = await api('GET', '/api/users');
    expect(res.status).toBe(200);
    const users = await res.json() as { name: string }[];
    expect(users.find((u) => u.name === 'root')).toMatchObject({ role: 'admin', active: true, mustChangePassword: false, lastLoginAt: expect.any(String) });
    const linToken = await accounts(server.store).createToken('lin');
    expect((await api('GET', '/api/users', undefined, linToken)).status).toBe(403);
    expect((await api('PATCH', `/api/users/${await idOf('wang')}`, { role: 'admin' }, linToken)).status).toBe(403);
    expect((await userRow('wang')).role).toBe('reviewer');
  });

  it('when an admin creates a user without a password then 201 carries a one-time password', async () => {
    const res = await api('POST', '/api/users', { name: 'feng', role: 'translator' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ name: 'feng', role: 'translator', oneTimePassword: expect.stringMatching(/^\S{12,}$/) });
    expect((await userRow('feng')).must_change_password).toBe(1);
    const given = await api('POST', '/api/users', { name: 'chen', role: 'translator', password: 'chen-pass-12' });
    expect(await given.json()).toEqual({ id: await idOf('chen'), name: 'chen', role: 'translator' });
    expect((await userRow('chen')).must_change_password).toBe(0);
  });

  it('when an admin patches role and state then both are stored; one refused field changes neither', async () => {
    const id = await idOf('feng');
    const res = await api('PATCH', `/api/users/${id}`, { role: 'reviewer', active: false });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'feng', role: 'reviewer', active: false });
    const bad = await api('PATCH', `/api/users/${id}`, { role: 'admin', active: 'yes' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('"active" must be true or false.');
    expect((await userRow('feng')).role).toBe('reviewer');
    expect((await api('PATCH', `/api/users/${id}`, { role: 'admin', active: true })).status).toBe(200);
    // With feng an admin, root could step down; but root may not deactivate root, so neither change is kept.
    const half = await api('PATCH', `/api/users/${await idOf('root')}`, { role: 'reviewer', active: false });
    expect(half.status).toBe(400);
    expect((await half.json()).error).toBe('You cannot deactivate your own account.');
    expect(await userRow('root')).toMatchObject({ role: 'admin', deactivated_at: null });
    expect((await api('PATCH', `/api/users/${id}`, { role: 'reviewer' })).status).toBe(200);
  });

  it.each([
    [{}, 400, 'Send "role" or "active" to change.'],
    [{ role: 'boss' }, 400, 'The role must be one of admin, reviewer, translator.'],
  ])('when an admin patches %j then %i with a sentence', async (body, status, sentence) => {
    const res = await api('PATCH', `/api/users/${await idOf('lin')}`, body);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toBe(sentence);
  });

  it('when the last active admin would be demoted or deactivated through the API then 409 says why', async () => {
    const res = await api('PATCH', `/api/users/${await idOf('root')}`, { role: 'reviewer' });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toBe('"root" is the last active admin: make another user admin first.');
    expect((await api('PATCH', '/api/users/9999', { active: true })).status).toBe(404);
  });

  it("when an admin resets a password through the API then the answer carries the one-time password, and the user's sessions and tokens end", async () => {
    const chen = await signedIn('chen', 'chen-pass-12');
    const chenToken = await accounts(server.store).createToken('chen', 'script');
    const res = await api('POST', `/api/users/${await idOf('chen')}/reset-password`);
    expect(res.status).toBe(200);
    const { oneTimePassword } = await res.json() as { oneTimePassword: string };
    expect((await chen.request('GET', '/api/documents')).status).toBe(401);
    expect((await api('GET', '/api/documents', undefined, chenToken)).status).toBe(401);
    expect((await new Client(server.url).login('chen', oneTimePassword)).status).toBe(303);
  });

  it('when a user manages their own tokens and password through the API then it works like the page', async () => {
    const mine = await accounts(server.store).createToken('wang', 'first');
    const made = await api('POST', '/api/account/tokens', { name: 'second' }, mine);
    expect(made.status).toBe(201);
    const { id, token } = await made.json() as { id: number; token: string };
    const list = await (await api('GET', '/api/account/tokens', undefined, token)).json() as { name: string }[];
    expect(list.map((t) => t.name)).toEqual(expect.arrayContaining(['first', 'second']));
    expect((await api('DELETE', `/api/account/tokens/${id}`, undefined, mine)).status).toBe(204);
    expect((await api('GET', '/api/account/tokens', undefined, token)).status).toBe(401);
    expect((await api('DELETE', `/api/account/tokens/${id}`, undefined, mine)).status).toBe(404);
    const wrong = await api('POST', '/api/account/password', { current: 'nope', password: 'wang-new-pass-1' }, mine);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toBe('The current password is wrong.');
    expect((await api('POST', '/api/account/password', { current: 'correct horse 12', password: 'wang-new-pass-1' }, mine)).status).toBe(204);
    // The token that changed the password goes on, as a self change keeps every token.
    expect((await api('GET', '/api/account/tokens', undefined, mine)).status).toBe(200);
    expect((await new Client(server.url).login('wang', 'wang-new-pass-1')).status).toBe(303);
  });
});
