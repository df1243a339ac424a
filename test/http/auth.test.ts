import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../server/services/accounts.ts';
import { addUser, Client, onPostgres, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await addUser(server.store, 'admin', 'admin');
  await addUser(server.store, 'lin', 'translator');
  await addUser(server.store, 'wang', 'reviewer');
});
afterAll(() => server.close());

describe('GET /healthz', () => {
  it('when called without login then it answers 200', async () => {
    const res = await new Client(server.url).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });
});

describe('login and logout', () => {
  it('when the password is right then a session cookie (HttpOnly, SameSite=Lax) is set and pages open', async () => {
    const c = new Client(server.url);
    const res = await c.login('lin');
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith('duiqi_sid='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const page = await c.get('/documents');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="current-user"');
    expect(await server.value('SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.name = ?', ['lin'])).toBeGreaterThan(0);
  });

  it('when a session is stored then only the hash of its cookie is kept, and the stored key signs nobody in', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    const sid = c.cookies.get('duiqi_sid')!;
    expect(await server.value('SELECT count(*) FROM sessions WHERE id = ?', [sid])).toBe(0);
    expect(await server.value('SELECT count(*) FROM sessions WHERE id = ?', [sha256(sid)])).toBe(1);
    // Someone holding a copy of the database tries the key as a cookie.
    const thief = new Client(server.url);
    thief.cookies.set('duiqi_sid', sha256(sid));
    expect((await thief.get('/documents')).status).not.toBe(200);
    expect((await c.get('/documents')).status).toBe(200);
  });

  it('when the password is wrong then 401 with a generic message and no session', async () => {
    const c = new Client(server.url);
    const before = await server.value('SELECT count(*) FROM sessions');
    const res = await c.login('lin', 'wrong password');
    expect(res.status).toBe(401);
    expect(res.text).toContain('The user name or password is wrong.');
    const unknown = await new Client(server.url).login('nobody', 'wrong password');
    expect(unknown.text).toContain('The user name or password is wrong.');
    expect(await server.value('SELECT count(*) FROM sessions')).toBe(before);
  });

  it('when the login page opens then the caret is in the name, and after a wrong password in the password with the name kept', async () => {
    const c = new Client(server.url);
    const autofocused = (html: string) => /<input [^>]*\bautofocus\b[^>]*>/g.exec(html)?.[0];
    expect(autofocused((await c.get('/login')).text)).toMatch(/name="name"/);
    const refused = await c.login('lin', 'wrong password');
    expect(autofocused(refused.text)).toMatch(/name="password"/);
    expect(refused.text).toMatch(/name="name"[^>]*value="lin"/);
  });

  it('when logging in twice then the session id changes', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    const first = c.cookies.get('duiqi_sid');
    await c.login('lin');
    expect(c.cookies.get('duiqi_sid')).not.toBe(first);
    expect(await server.value('SELECT count(*) FROM sessions WHERE id = ?', [sha256(first!)])).toBe(0);
  });

  it('when logging out then the session is deleted on the server and the old cookie no longer works', async () => {
    const c = new Client(server.url);
    await c.login('wang');
    const sid = c.cookies.get('duiqi_sid')!;
    await c.get('/documents');
    const out = await c.request('POST', '/logout', { form: { _csrf: c.csrf } });
    expect(out.status).toBe(303);
    expect(await server.value('SELECT count(*) FROM sessions WHERE id = ?', [sha256(sid)])).toBe(0);
    const replay = await fetch(`${server.url}/api/documents`, { headers: { cookie: `duiqi_sid=${sid}` } });
    expect(replay.status).toBe(401);
  });

  it('when an anonymous browser opens a page then it is sent to the login page', async () => {
    const res = await new Client(server.url).get('/documents');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fdocuments');
  });

  it('when next points off-site then login goes to the documents instead', async () => {
    const c = new Client(server.url);
    await c.get('/login');
    const res = await c.request('POST', '/login', { form: { name: 'lin', password: 'correct horse 12', _csrf: c.csrf, next: '//evil.example/' } });
    expect(res.headers.get('location')).toBe('/documents');
  });
});

describe('CSRF', () => {
  it('when a state-changing form lacks the token then 403, and with it the request passes', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    await c.get('/documents');
    const without = await c.request('POST', '/logout', { form: {} });
    expect(without.status).toBe(403);
    const wrong = await c.request('POST', '/language', { form: { lang: 'zh-CN', _csrf: 'forged' } });
    expect(wrong.status).toBe(403);
    const header = await c.request('POST', '/language', { form: { lang: 'zh-CN', next: '/documents' }, headers: { 'X-CSRF-Token': c.csrf, 'HX-Request': 'true' } });
    expect(header.status).toBe(303);
  });

  it('when the login form is posted without its token then 403', async () => {
    const res = await new Client(server.url).request('POST', '/login', { form: { name: 'lin', password: 'correct horse 12' } });
    expect(res.status).toBe(403);
  });
});

describe('API authentication and roles', () => {
  it('when no credentials are sent then the API answers 401 with a JSON error', async () => {
    const res = await new Client(server.url).get('/api/documents');
    expect(res.status).toBe(401);
    expect(res.json().error).toMatch(/Log in or send an API token/);
  });

  it('when a Bearer token is sent then the API answers, and a bad token gets 401', async () => {
    const token = await accounts(server.store).createToken('wang');
    const ok = await new Client(server.url).get('/api/documents', { authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(Array.isArray(ok.json())).toBe(true);
    const bad = await new Client(server.url).get('/api/documents', { authorization: 'Bearer dq_not-a-token' });
    expect(bad.status).toBe(401);
  });

  // Counts writes with SQLite's total_changes().
  it.skipIf(onPostgres)('when a token is used again within a minute then its time of last use is not rewritten (no write per request)', async () => {
    let clock = Date.parse('2026-11-27T08:00:00.000Z');
    const tokens = accounts(server.store, () => clock);
    const token = await tokens.createToken('lin');
    const lastUsed = () => (server.db.prepare('SELECT last_used_at FROM api_tokens ORDER BY id DESC LIMIT 1').pluck().get() as string | null);
    const writesDuring = async (use: () => Promise<void>) => {
      const before = server.db.prepare('SELECT total_changes()').pluck().get() as number;
      await use();
      return (server.db.prepare('SELECT total_changes()').pluck().get() as number) - before;
    };
    expect(lastUsed()).toBeNull();
    expect(await writesDuring(async () => expect((await tokens.userForToken(token))?.name).toBe('lin'))).toBe(1);
    expect(lastUsed()).toBe('2026-11-27T08:00:00.000Z');
    clock += 59_000;
    expect(await writesDuring(async () => expect((await tokens.userForToken(token))?.name).toBe('lin'))).toBe(0);
    clock += 1_000;
    expect(await writesDuring(async () => void (await tokens.userForToken(token)))).toBe(1);
    expect(lastUsed()).toBe('2026-11-27T08:01:00.000Z');
    expect(await writesDuring(async () => expect(await tokens.userForToken('dq_not-a-token')).toBeUndefined())).toBe(0);
  });

  it('when an unknown document id is asked for then 404 with a JSON error', async () => {
    const token = await accounts(server.store).createToken('lin');
    for (const id of ['999999', 'abc']) {
      const res = await new Client(server.url).get(`/api/documents/${id}/pairs`, { authorization: `Bearer ${token}` });
      expect(res.status).toBe(404);
      expect(res.json().error).toMatch(/no document/);
    }
  });

  it.each([
    ['translator', 'lin', 403],
    ['reviewer', 'wang', 403],
    ['admin', 'admin', 201],
  ])('when a %s creates a user through the API then the answer is %i', async (_role, name, status) => {
    const token = await accounts(server.store).createToken(name);
    const newName = `user_${name}`;
    const res = await new Client(server.url).request('POST', '/api/users', {
      json: { name: newName, role: 'translator', password: 'long enough pw' }, headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(status);
    expect(await server.value('SELECT count(*) FROM users WHERE name = ?', [newName])).toBe(status === 201 ? 1 : 0);
  });

  it('when a cookie session posts JSON to the API without the CSRF header then 403', async () => {
    const c = new Client(server.url);
    await c.login('admin');
    const res = await c.request('POST', '/api/users', { json: { name: 'csrfless', role: 'translator', password: 'long enough pw' } });
    expect(res.status).toBe(403);
    expect(await server.value("SELECT count(*) FROM users WHERE name = 'csrfless'")).toBe(0);
  });

  it('when the JSON body is malformed then 400 with a sentence', async () => {
    const token = await accounts(server.store).createToken('admin');
    const res = await fetch(`${server.url}/api/users`, {
      method: 'POST', body: '{"name":', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('The request body is not valid JSON.');
  });
});

describe('passwords', () => {
  it('when a user is stored then the password is a salted scrypt hash with its parameters', async () => {
    const hashes = (await server.rows<{ password_hash: string }>('SELECT password_hash FROM users')).map((u) => u.password_hash);
    for (const h of hashes) expect(h).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    const [a, b] = (await server.rows<{ password_hash: string }>("SELECT password_hash FROM users WHERE name IN ('lin', 'wang')")).map((u) => u.password_hash);
    expect(a).not.toBe(b); // same password, different salts
  });
});

describe('login throttling', () => {
  it('when a stranger fails 5 times on an account then the next attempt waits, and other accounts are unaffected', async () => {
    const { startTestServer: start } = await import('../support/test-server.ts');
    // The app's own throttle, with its counters in the database.
    const s = await start();
    try {
      await addUser(s.store, 'zhao', 'translator');
      await addUser(s.store, 'qian', 'translator');
      const c = new Client(s.url);
      for (let i = 0; i < 5; i++) expect((await c.login('zhao', 'wrong password')).status).toBe(401);
      expect((await c.login('zhao', 'wrong password')).status).toBe(401);
      const slowed = await c.login('zhao');
      expect(slowed.status).toBe(429);
      expect(slowed.headers.get('retry-after')).toMatch(/^[12]$/);
      expect(slowed.text).toContain('Too many failed logins');
      expect((await new Client(s.url).login('qian')).status).toBe(303);
    } finally {
      await s.close();
    }
  });

  it('when a login names an account of half a megabyte then it fails as any other, and its counter is stored under a name of at most 65 characters', async () => {
    // No account name is longer than 64 characters; each such failure once stored the whole name as the counter's key.
    const long = `${'名'.repeat(64)}${'x'.repeat(500_000)}`;
    expect((await new Client(server.url).login(long, 'wrong password')).status).toBe(401);
    const keys = await server.rows<{ key: string }>("SELECT key FROM login_counters WHERE key LIKE 'a:%'");
    expect(Math.max(...keys.map((k) => k.key.length))).toBeLessThanOrEqual(2 + 65);
    expect(keys.map((k) => k.key)).toContain(`a:${'名'.repeat(64)}…`);
  });

  it('when a stranger hammers the account of someone who logged in before from their browser then that browser still logs in', async () => {
    const { startTestServer: start } = await import('../support/test-server.ts');
    const s = await start();
    try {
      await addUser(s.store, 'admin2', 'admin');
      const owner = new Client(s.url);
      expect((await owner.login('admin2')).status).toBe(303);
      expect(owner.cookies.get('duiqi_device')).toMatch(/^\S{20,}$/);
      const attacker = new Client(s.url);
      for (let i = 0; i < 12; i++) await attacker.login('ADMIN2', `guess ${i}`);
      expect((await attacker.login('admin2')).status).toBe(429);
      // The owner's own device is counted apart: the stranger's failures do not touch it.
      owner.cookies.delete('duiqi_sid');
      expect((await owner.login('admin2')).status).toBe(303);
      // A device cookie of another account is no pass for this one.
      const other = new Client(s.url);
      other.cookies.set('duiqi_device', owner.cookies.get('duiqi_device')!);
      expect((await other.login('someone-else-never-seen', 'x')).status).toBe(401);
    } finally {
      await s.close();
    }
  });

  for (const store of ['memory', 'database'] as const) {
    it(`when failures go on then the wait doubles up to its cap and ends with the clock (counters in ${store})`, async () => {
      const { LoginThrottle, MemoryCounters } = await import('../../server/domain/login-throttle.ts');
      const { loginCounters } = await import('../../server/db/login-counters-repo.ts');
      const { openDatabase } = await import('../../server/db/open-database.ts');
      let now = 0;
      const counters = store === 'memory' ? new MemoryCounters() : loginCounters(openDatabase(':memory:'));
      const t = new LoginThrottle({ freePerAccount: 3, freePerAddress: 100, windowMs: 10 * 60_000, firstDelayMs: 1000, maxAccountDelayMs: 8000, maxAddressDelayMs: 60_000 }, () => now, counters);
      const a = { account: 'a', address: '1.2.3.4' };
      const waits: number[] = [];
      for (let i = 0; i < 8; i++) {
        await t.fail(a);
        waits.push(await t.retryAfter(a));
        now += await t.retryAfter(a);
      }
      expect(waits).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000]);
      expect(await t.retryAfter({ account: 'b', address: '5.6.7.8' })).toBe(0);
      // A device this account logged in from is counted apart; a success clears the account, not the address.
      expect(await t.retryAfter({ ...a, knownDevice: 'hash' })).toBe(0);
      await t.fail(a);
      await t.succeed(a);
      expect(await t.retryAfter(a)).toBe(0);
      // An admin's unlock clears an address.
      for (let i = 0; i < 101; i++) await t.fail({ account: `n${i}`, address: '9.9.9.9' });
      expect(await t.retryAfter({ account: 'z', address: '9.9.9.9' })).toBeGreaterThan(0);
      await t.unlock({ address: '9.9.9.9' });
      expect(await t.retryAfter({ account: 'z', address: '9.9.9.9' })).toBe(0);
    });
  }

  it('when two server processes share the database then their failures add up: five free guesses in all, not five each', async () => {
    const { startTestServer: start, tempDir } = await import('../support/test-server.ts');
    const path = await import('node:path');
    const dbFile = path.join(tempDir(), 'shared.sqlite');
    const a = await start({ dbFile });
    const b = await start({ dbFile });
    try {
      await addUser(a.store, 'sun', 'translator');
      for (let i = 0; i < 6; i++) expect((await new Client(i % 2 ? a.url : b.url).login('sun', 'wrong password')).status).toBe(401);
      expect((await new Client(a.url).login('sun')).status).toBe(429);
      expect((await new Client(b.url).login('sun')).status).toBe(429);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('when an admin unlocks an account through the API then its user logs in at once; others may not unlock', async () => {
    const { startTestServer: start } = await import('../support/test-server.ts');
    const s = await start();
    try {
      await addUser(s.store, 'zhou', 'translator');
      await addUser(s.store, 'boss', 'admin');
      for (let i = 0; i < 8; i++) await new Client(s.url).login('zhou', 'wrong password');
      expect((await new Client(s.url).login('zhou')).status).toBe(429);
      const unlock = async (who: string, json: unknown) => new Client(s.url).request('POST', '/api/login-locks/unlock', {
        json, headers: { authorization: `Bearer ${await accounts(s.store).createToken(who)}` },
      });
      expect((await unlock('zhou', { account: 'zhou' })).status).toBe(403);
      const empty = await unlock('boss', {});
      expect(empty.status).toBe(400);
      expect(empty.json().error).toBe('Name an "account" or an "address" to unlock.');
      expect((await unlock('boss', { account: { toString: 1 } })).status).toBe(400);
      const done = await unlock('boss', { account: 'zhou' });
      expect(done.status).toBe(200);
      expect(done.json()).toEqual({ unlocked: { account: 'zhou' } });
      expect((await new Client(s.url).login('zhou')).status).toBe(303);
    } finally {
      await s.close();
    }
  });
});

describe('DUIQI_TRUST_PROXY', () => {
  async function addressesSeen(trustProxy: string | undefined) {
    const { startTestServer: start } = await import('../support/test-server.ts');
    const s = await start(trustProxy === undefined ? {} : { trustProxy });
    try {
      // 21 failures from "one" address, spread over many names so that no account is slowed.
      for (let i = 0; i < 21; i++) await new Client(s.url).login(`nobody${i}`, 'x', { 'x-forwarded-for': '203.0.113.7' });
      return {
        sameAddress: (await new Client(s.url).login('nobody-else', 'x', { 'x-forwarded-for': '203.0.113.7' })).status,
        otherAddress: (await new Client(s.url).login('nobody-else', 'x', { 'x-forwarded-for': '198.51.100.9' })).status,
      };
    } finally {
      await s.close();
    }
  }

  it('when set to loopback then X-Forwarded-For names the client: one address is slowed, another is not', async () => {
    expect(await addressesSeen('loopback')).toEqual({ sameAddress: 429, otherAddress: 401 });
  });

  it('when not set then X-Forwarded-For is ignored: every request is the proxy\'s address', async () => {
    expect(await addressesSeen(undefined)).toEqual({ sameAddress: 429, otherAddress: 429 });
  });

  it('when the proxy says the browser came over HTTPS then every cookie is Secure, and over plain HTTP none is', async () => {
    // Without Secure, a signed-in browser sent its session in clear text to any http:// address of the site.
    const s = await startTestServer({ trustProxy: 'loopback' });
    try {
      await addUser(s.store, 'lin', 'translator');
      const cookies = async (headers: Record<string, string>) => {
        const c = new Client(s.url);
        await c.get('/login', headers);
        const login = await c.request('POST', '/login', { form: { name: 'lin', password: 'correct horse 12', _csrf: c.csrf, next: '/documents' }, headers });
        expect(login.status).toBe(303);
        const set = [...(await fetch(`${s.url}/login`, { headers }).then((r) => r.headers.getSetCookie())), ...login.headers.getSetCookie()];
        return Object.fromEntries(set.map((h) => [h.slice(0, h.indexOf('=')), /;\s*Secure(;|$)/i.test(h)]));
      };
      expect(await cookies({ 'x-forwarded-proto': 'https' })).toEqual({ duiqi_csrf: true, duiqi_sid: true, duiqi_device: true });
      expect(await cookies({})).toEqual({ duiqi_csrf: false, duiqi_sid: false, duiqi_device: false });
    } finally {
      await s.close();
    }
  });
});

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
