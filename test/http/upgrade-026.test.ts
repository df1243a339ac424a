// A database made before migrations 027 (hashed sessions) and 028 (glossary authors), opened by today's server:
// the sessions kept in clear end and their users are asked to sign in, the old glossary entries have no author.

import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../server/db/migrate.ts';
import { hashPassword } from '../../server/domain/passwords.ts';
import { SESSION_COOKIE } from '../../server/http/auth.ts';
import { Client, startTestServer, tempDir, type TestServer } from '../support/test-server.ts';

let server: TestServer;

beforeAll(async () => {
  const file = path.join(tempDir('duiqi-upgrade-'), 'old.sqlite');
  const db = new Database(file);
  applyMigrations(db, readMigrations().filter((m) => m.version < 27));
  const hash = await hashPassword('correct horse 12');
  db.prepare("INSERT INTO users (id, name, role, password_hash) VALUES (1, 'lin', 'translator', ?), (2, 'wang', 'reviewer', ?)").run(hash, hash);
  db.exec(`INSERT INTO sessions (id, user_id, csrf_token, expires_at) VALUES ('session-kept-in-clear', 1, 'old-csrf', '2999-01-01T00:00:00.000Z');
    INSERT INTO glossary_terms (id, zh, en) VALUES (5, '旧词', 'old term'), (6, '另一个', 'another');`);
  db.close();
  server = await startTestServer({ dbFile: file });
});
afterAll(() => server.close());

describe('a database from before migrations 027 and 028', () => {
  it('when a browser comes back with its old session then it is asked to sign in, not answered 500, and no session is left', async () => {
    expect(await server.value('SELECT count(*) FROM sessions')).toBe(0);
    const old = new Client(server.url);
    old.cookies.set(SESSION_COOKIE, 'session-kept-in-clear');
    const page = await old.get('/documents');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Fdocuments');
    const save = await old.request('POST', '/glossary', { form: { zh: '新词', en: 'new' }, headers: { 'X-CSRF-Token': 'old-csrf', 'HX-Request': 'true' } });
    expect(save.status).toBe(401);
    expect(await server.value("SELECT count(*) FROM glossary_terms WHERE zh = '新词'")).toBe(0);
    expect((await old.login('lin')).status).toBe(303);
  });

  it('when a translator deletes an entry from before then it is refused, as it has no author; a reviewer deletes it', async () => {
    expect(await server.rows('SELECT id, added_by FROM glossary_terms ORDER BY id')).toEqual([{ id: 5, added_by: null }, { id: 6, added_by: null }]);
    const lin = new Client(server.url);
    await lin.login('lin');
    await lin.get('/glossary');
    expect((await lin.request('DELETE', '/api/glossary/5', { headers: { 'X-CSRF-Token': lin.csrf } })).status).toBe(403);
    const wang = new Client(server.url);
    await wang.login('wang');
    await wang.get('/glossary');
    expect((await wang.request('DELETE', '/api/glossary/5', { headers: { 'X-CSRF-Token': wang.csrf } })).status).toBe(204);
    expect(await server.rows('SELECT id FROM glossary_terms ORDER BY id')).toEqual([{ id: 6 }]);
  });
});
