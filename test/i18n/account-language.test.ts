// The interface language is the account's: chosen while signed in, it follows the user to every browser and
// to the API; signed out, the browser's cookie or Accept-Language decides as before.

import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../server/db/migrate.ts';
import { accounts } from '../../server/services/accounts.ts';
import { addUser, Client, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await addUser(server.store, 'lin', 'translator');
  await addUser(server.store, 'wang', 'reviewer');
});
afterAll(() => server.close());

const stored = (name: string) => server.db.prepare('SELECT language FROM users WHERE name = ?').pluck().get(name);
const isChinese = (page: { text: string; headers: Headers }) => page.headers.get('content-language') === 'zh-CN' && page.text.includes('<html lang="zh-CN">');

async function switchTo(c: Client, lang: string, from = '/documents') {
  await c.get(from);
  return c.request('POST', '/language', { form: { lang, next: from, _csrf: c.csrf } });
}

describe('an account\'s interface language', () => {
  it('when a signed-in user switches to 中文 then the account keeps it and another browser signs in to Chinese pages', async () => {
    const here = new Client(server.url);
    await here.login('lin', undefined, { 'accept-language': 'en' });
    expect(stored('lin')).toBeNull();
    expect((await switchTo(here, 'zh-CN')).status).toBe(303);
    expect(stored('lin')).toBe('zh-CN');

    const elsewhere = new Client(server.url);
    expect(isChinese(await elsewhere.get('/login', { 'accept-language': 'en' }))).toBe(false);
    const login = await elsewhere.login('lin', undefined, { 'accept-language': 'en' });
    expect(login.status).toBe(303);
    expect(elsewhere.cookies.get('duiqi_lang')).toBe('zh-CN');
    expect(isChinese(await elsewhere.get('/documents', { 'accept-language': 'en' }))).toBe(true);
  });

  it('when the browser\'s cookie says English then the account\'s choice still wins while signed in, and the cookie rules signed out', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    c.cookies.set('duiqi_lang', 'en');
    expect(isChinese(await c.get('/documents'))).toBe(true);
    await c.request('POST', '/logout', { form: { _csrf: c.csrf } });
    expect(isChinese(await c.get('/login'))).toBe(false);
  });

  it('when the account signs out then its language stays for the browser\'s signed-out pages', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    await c.request('POST', '/logout', { form: { _csrf: c.csrf } });
    expect(isChinese(await c.get('/login', { 'accept-language': 'en' }))).toBe(true);
  });

  it('when the API is called with the account\'s token then its refusals are in the account\'s language', async () => {
    const token = await accounts(server.store).createToken('lin');
    const res = await fetch(`${server.url}/api/documents/999999`, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' } });
    expect(res.status).toBe(404);
    expect((await res.json()).message).toMatch(/\p{Script=Han}/u);
  });

  it('when the user switches back to English then the account keeps that', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    await switchTo(c, 'en');
    expect(stored('lin')).toBe('en');
    expect(isChinese(await c.get('/documents', { 'accept-language': 'zh-CN' }))).toBe(false);
  });

  it('when a signed-out browser switches language then no account changes', async () => {
    const c = new Client(server.url);
    await switchTo(c, 'zh-CN', '/login');
    expect(c.cookies.get('duiqi_lang')).toBe('zh-CN');
    expect(stored('wang')).toBeNull();
    await c.login('wang');
    expect(isChinese(await c.get('/documents'))).toBe(true);
    expect(stored('wang')).toBeNull();
  });

  it('when a language the app does not offer is posted then it is refused and nothing is kept', async () => {
    const c = new Client(server.url);
    await c.login('wang');
    expect((await switchTo(c, 'fr')).status).toBe(400);
    expect(stored('wang')).toBeNull();
  });
});

describe('migration 015', () => {
  it('when a user row gets a language the app does not offer then SQLite refuses it', () => {
    const db = new Database(':memory:');
    applyMigrations(db, readMigrations());
    db.exec("INSERT INTO users (name, role, password_hash, language) VALUES ('a', 'admin', 'h', 'zh-CN'), ('b', 'admin', 'h', NULL)");
    expect(() => db.exec("INSERT INTO users (name, role, password_hash, language) VALUES ('c', 'admin', 'h', 'fr')")).toThrow(/users_language_valid/);
  });
});
