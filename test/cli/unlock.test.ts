// `duiqi unlock` lifts a login wait that a running server shares through the database (issue 12, finding 5).

import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, addUser, startTestServer, tempDir, type TestServer } from '../support/test-server.ts';
import { ROOT } from '../support/start-workbench.ts';

const dbFile = path.join(tempDir('duiqi-unlock-'), 'cli.sqlite');
let server: TestServer;

// Asynchronous: a synchronous spawn would block the in-process server the test talks to.
function duiqi(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/duiqi.js'), ...args], { cwd: ROOT, env: { ...process.env, DUIQI_DB: dbFile } },
      (err, stdout, stderr) => resolve({ code: err ? (err as { code?: number }).code ?? 1 : 0, stdout, stderr }));
  });
}

beforeAll(async () => {
  server = await startTestServer({ dbFile });
  await addUser(server.store, 'wu', 'translator');
});
afterAll(() => server.close());

describe('duiqi unlock', () => {
  it('when an account is slowed by failures then unlocking it lets its user log in at once', async () => {
    for (let i = 0; i < 8; i++) await new Client(server.url).login('wu', 'wrong password');
    expect((await new Client(server.url).login('wu')).status).toBe(429);
    const r = await duiqi(['unlock', '--account', 'wu']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.trim()).toBe('Unlocked the account "wu".');
    expect((await new Client(server.url).login('wu')).status).toBe(303);
  });

  it('when neither an account nor an address is named then it exits 2 with one line', async () => {
    const r = await duiqi(['unlock']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('duiqi: unlock needs --account NAME or --address IP. Run "duiqi help" for usage.\n');
  });
});
