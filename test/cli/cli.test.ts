import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, startTestServer, tempDir, type TestServer } from '../support/test-server.ts';
import { ROOT } from '../support/start-workbench.ts';
import { exitCodeOf } from '../../server/cli/main.ts';
import { UnavailableError, ValidationError } from '../../server/domain/errors.ts';

const dbFile = path.join(tempDir('duiqi-cli-'), 'cli.sqlite');

// Asynchronous on purpose: a synchronous spawn would block this process's event loop, where the
// test server runs, and a request in flight at that moment was reset (ECONNRESET).
function duiqi(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/duiqi.js'), ...args], {
      cwd: ROOT, env: { ...process.env, DUIQI_DB: dbFile, ...env }, encoding: 'utf8',
    }, (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }));
  });
}

let server: TestServer | undefined;
afterAll(() => server?.close());

describe('duiqi user add and token create', () => {
  it('when a reviewer is added with a password then it can log in over HTTP', async () => {
    const r = await duiqi(['user', 'add', 'zhang', '--role', 'reviewer', '--password', 'zhang-secret-1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Created reviewer "zhang"');
    server = await startTestServer({ dbFile });
    const res = await new Client(server.url).login('zhang', 'zhang-secret-1');
    expect(res.status).toBe(303);
  });

  it('when no password is given then one is generated and printed once', async () => {
    const r = await duiqi(['user', 'add', 'li', '--role', 'translator']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/with the password \S{12,}/);
  });

  it('when a token is created then it authenticates API requests', async () => {
    const r = await duiqi(['token', 'create', 'zhang']);
    expect(r.code).toBe(0);
    const token = r.stdout.trim();
    expect(token).toMatch(/^dq_[A-Za-z0-9_-]{40,}$/);
    const res = await fetch(`${server!.url}/api/documents`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });

  it.each([
    [['user', 'add', 'wu', '--role', 'boss'], /role must be admin, reviewer or translator/],
    [['user', 'add', 'zhang', '--role', 'reviewer', '--password', 'another-pw-1'], /already exists/],
    [['user', 'add', 'wu', '--role', 'reviewer', '--password', 'short'], /at least 8/],
    [['user', 'add', '--role', 'reviewer'], /needs a NAME/],
    [['token', 'create', 'ghost'], /no user named "ghost"/],
    [['frobnicate'], /unknown command/],
    [['user', 'add', 'wu', '--colour', 'red'], /Unknown option/],
  ])('when called as %j then it exits 2 with one line on stderr', async (args, message) => {
    const r = await duiqi(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('when DUIQI_DB is empty then it refuses with one line', async () => {
    const r = await duiqi(['token', 'create', 'zhang'], { DUIQI_DB: ' ' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('duiqi: DUIQI_DB must name a file, not be empty.');
  });
});

describe('when DUIQI_DB names no file', () => {
  const missing = path.join(tempDir('duiqi-cli-missing-'), 'data', 'duiqi.sqlite');
  it.each([
    [['user', 'list']], [['user', 'reset', 'zhang']], [['token', 'create', 'zhang']], [['unlock', '--account', 'zhang']],
    [['documents', 'list']], [['export', '1', '--format', 'tmx']],
  ])('then %j refuses with exit 2 and one line, and makes no database', async (args) => {
    const r = await duiqi(args, { DUIQI_DB: missing });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`duiqi: There is no database ${missing}: run duiqi in the server's folder, or set DUIQI_DB (or DUIQI_DATABASE_URL) as the server has it.\n`);
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });

  it('then user add makes it, to set up an admin before the first start', async () => {
    const r = await duiqi(['user', 'add', 'first', '--role', 'admin', '--password', 'first-admin-1'], { DUIQI_DB: missing });
    expect(r.code).toBe(0);
    expect(fs.existsSync(missing)).toBe(true);
  });
});

describe('duiqi user list, role, deactivate, reactivate and reset', () => {
  it('when users are listed then each line has name, role, state and last sign-in', async () => {
    const r = await duiqi(['user', 'list']);
    expect(r.code).toBe(0);
    const zhang = r.stdout.split('\n').find((l) => l.startsWith('zhang\t'))!;
    expect(zhang).toMatch(/^zhang\treviewer\tactive\t\d{4}-\d\d-\d\dT/);
    expect(r.stdout).toMatch(/^li\ttranslator\tactive\tnever signed in$/m);
  });

  it('when a role is changed then the next request sees it', async () => {
    const r = await duiqi(['user', 'role', 'li', 'reviewer']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('"li" is now reviewer.');
    expect(server!.db.prepare("SELECT role FROM users WHERE name = 'li'").pluck().get()).toBe('reviewer');
  });

  it("when a user is deactivated then their token is refused; reactivated, they sign in again", async () => {
    const token = (await duiqi(['token', 'create', 'zhang', '--name', 'ci'])).stdout.trim();
    expect(server!.db.prepare("SELECT name FROM api_tokens WHERE user_id = (SELECT id FROM users WHERE name = 'zhang') ORDER BY id DESC").pluck().get()).toBe('ci');
    const off = await duiqi(['user', 'deactivate', 'zhang']);
    expect(off.code).toBe(0);
    expect(off.stdout).toContain('Deactivated "zhang"');
    expect((await fetch(`${server!.url}/api/documents`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await new Client(server!.url).login('zhang', 'zhang-secret-1')).status).toBe(401);
    expect((await duiqi(['user', 'reactivate', 'zhang'])).code).toBe(0);
    expect((await new Client(server!.url).login('zhang', 'zhang-secret-1')).status).toBe(303);
  });

  it('when a password is reset then the one-time password signs in and must be changed', async () => {
    const r = await duiqi(['user', 'reset', 'zhang']);
    expect(r.code).toBe(0);
    const password = /is (\S+); it must be changed/.exec(r.stdout)![1]!;
    const c = new Client(server!.url);
    expect((await c.login('zhang', password)).status).toBe(303);
    expect((await c.get('/documents')).headers.get('location')).toBe('/account');
  });

  it('when the only admin would be demoted or deactivated then it exits 2 and says why', async () => {
    await duiqi(['user', 'add', 'boss', '--role', 'admin', '--password', 'boss-secret-1']);
    for (const args of [['user', 'role', 'boss', 'translator'], ['user', 'deactivate', 'boss']]) {
      const r = await duiqi(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe('duiqi: "boss" is the last active admin: make another user admin first.');
    }
  });

  it.each([
    [['user', 'role', 'ghost', 'admin'], /no user named "ghost"/],
    [['user', 'role', 'li'], /needs a NAME and a ROLE/],
    [['user', 'role', 'li', 'boss'], /role must be admin, reviewer or translator/],
    [['user', 'deactivate'], /needs one user NAME/],
    [['user', 'reset', 'a', 'b'], /needs one user NAME/],
    [['user', 'list', 'extra'], /takes no arguments/],
    [['user', 'promote', 'li'], /unknown command "user promote"/],
    [['token', 'create', 'li', '--name', ''], /token name is 1 to 100/],
  ])('when called as %j then it exits 2 with one line on stderr', async (args, message) => {
    const r = await duiqi(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the exit code', () => {
  it('when the database cannot store (a full disk) then it is 1, a failure, not 2, a refusal of the input', () => {
    expect(exitCodeOf(new UnavailableError('The server\'s disk is full, so nothing was saved.'))).toBe(1);
    expect(exitCodeOf(new ValidationError('There is no user named "x".'))).toBe(2);
    expect(exitCodeOf(new Error('a bug'))).toBe(1);
  });
});
