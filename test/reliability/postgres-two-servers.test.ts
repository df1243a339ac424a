// Two app servers on one PostgreSQL database, started at once as `npm start` starts them: one prepares the database,
// sessions made on one serve on the other, no save is lost, no page is stale, and a stale alignment edit gets 409.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWorkbench, type Workbench } from '../support/start-workbench.ts';
import { Client } from '../support/test-server.ts';
import { createTestDatabase, describePostgres, type TestDatabase } from '../support/postgres.ts';

const PASSWORD = 'two-servers-1';
let database: TestDatabase;
let a: Workbench;
let b: Workbench;
let onA: Client;
let onB: Client;
let documentId: number;

interface Pair { id: number; version: number; noise: boolean; tgt: string }

/** A client on `url` that carries `from`'s session: the cookie a load balancer would send to either server. */
function sameSession(from: Client, url: string): Client {
  const c = new Client(url);
  c.cookies = from.cookies;
  c.csrf = from.csrf;
  return c;
}

const save = (c: Client, pair: number, tgt: string, version: number) =>
  c.request('PUT', `/api/pairs/${pair}`, { json: { tgt, version }, headers: { 'X-CSRF-Token': c.csrf } });
const pairs = async (c: Client) => (await c.get(`/api/documents/${documentId}/pairs`)).json() as Pair[];

describePostgres('two app servers on one PostgreSQL database', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.close();
    const env = { DUIQI_DATABASE_URL: database.url, DUIQI_ADMIN_PASSWORD: PASSWORD };
    [a, b] = await Promise.all([startWorkbench(env), startWorkbench(env)]);
    onA = new Client(a.url);
    expect((await onA.login('admin', PASSWORD)).status).toBe(303);
    await onA.get('/documents');
    onB = sameSession(onA, b.url);
    documentId = ((await onA.get('/api/documents')).json() as { id: number }[])[0]!.id;
  }, 300_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it('when both start at once on an empty database then it is migrated and the demo imported once, and a session from A serves on B', async () => {
    expect([a.output(), b.output()].join('').match(/Imported the demo corpus/g)).toHaveLength(1);
    expect(a.output()).toMatch(/database postgres:\/\//);
    expect((await onB.get('/api/documents')).json()).toEqual((await onA.get('/api/documents')).json());
    expect(((await onB.get('/api/documents')).json() as unknown[]).length).toBe(1);
  });

  it('when saves of many pairs alternate between the servers then every one is stored, and the same version saved through both gets one 200 and one 409', async () => {
    const chosen = (await pairs(onA)).filter((p) => !p.noise).slice(0, 8);
    await Promise.all(chosen.map(async (pair, n) => {
      let version = pair.version;
      for (let i = 0; i < 6; i++) {
        const res = await save(i % 2 ? onB : onA, pair.id, `Pair ${n}, edit ${i}.`, version);
        expect(res.status).toBe(200);
        version = res.json().version;
      }
    }));
    const after = new Map((await pairs(onB)).map((p) => [p.id, p]));
    chosen.forEach((pair, n) => {
      expect(after.get(pair.id)).toMatchObject({ tgt: `Pair ${n}, edit 5.`, version: pair.version + 6 });
    });
    const target = after.get(chosen[0]!.id)!;
    const both = await Promise.all([save(onA, target.id, 'Through A.', target.version), save(onB, target.id, 'Through B.', target.version)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('when a pair is saved through A then the page on B shows it at once', async () => {
    const pair = (await pairs(onA)).find((p) => !p.noise)!;
    expect((await onB.get(`/documents/${documentId}`)).status).toBe(200);
    const text = `Seen on B ${Date.now()}.`;
    expect((await save(onA, pair.id, text, pair.version)).status).toBe(200);
    expect((await onB.get(`/documents/${documentId}`)).text).toContain(text);
    expect((await pairs(onB)).find((p) => p.id === pair.id)!.tgt).toBe(text);
  });

  it('when an alignment edit through A moved the version then the same edit through B from the old version gets 409', async () => {
    const view = (await onB.get(`/api/documents/${documentId}/alignment`)).json() as { version: number };
    const op = (c: Client) => c.request('POST', `/api/documents/${documentId}/alignment/ops`, {
      json: { version: view.version, op: { kind: 'confirm', row: 0 } }, headers: { 'X-CSRF-Token': c.csrf },
    });
    expect((await op(onA)).status).toBe(200);
    const stale = await op(onB);
    expect(stale.status).toBe(409);
    expect(((await onB.get(`/api/documents/${documentId}/alignment`)).json() as { version: number }).version).toBe(view.version + 1);
  });
});
