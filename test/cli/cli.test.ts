import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, startTestServer, tempDir, type TestServer } from '../support/test-server.ts';
import { ROOT } from '../support/start-workbench.ts';

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
    [['user', 'add', 'wu', '--role', 'boss'], /role must be one of/],
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
