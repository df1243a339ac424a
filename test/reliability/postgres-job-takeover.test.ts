// Two app servers on one PostgreSQL database: a job started through A whose server is killed with SIGKILL is taken over
// by B within seconds (its run lock is gone: server/services/job-runners.ts), long before pg-boss's expiry, resumes
// where A stopped, and ends visibly, with every row drafted once.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWorkbench, type Workbench } from '../support/start-workbench.ts';
import { signedInAdmin } from '../support/test-server.ts';
import { createTestDatabase, describePostgres, type TestDatabase } from '../support/postgres.ts';
import { killTree } from '../support/processes.ts';
import { startFakeTranslator, type FakeTranslator } from '../support/fake-translator.ts';

const PASSWORD = 'job-takeover-1';
let database: TestDatabase;
let translator: FakeTranslator;
let a: Workbench;
let b: Workbench;

const signedIn = (url: string) => signedInAdmin(url, PASSWORD);

describePostgres('a job whose app server dies', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.close();
    translator = await startFakeTranslator();
    // The expiry a team's servers have (15 minutes): the takeover must not wait for it.
    const env = { DUIQI_DATABASE_URL: database.url, DUIQI_ADMIN_PASSWORD: PASSWORD, DUIQI_MT_URL: translator.url };
    [a, b] = await Promise.all([startWorkbench(env), startWorkbench(env)]);
  }, 300_000);
  afterAll(async () => {
    translator?.release(Infinity);
    // The killed server's stop() only removes its folder.
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
    await translator?.close();
  });

  it('when the server running a job is killed then the other server takes it over and the job ends with every row drafted once', async () => {
    const onA = await signedIn(a.url);
    const onB = await signedIn(b.url);
    const servers = [{ wb: a, client: onA }, { wb: b, client: onB }];
    const documentId = ((await onA.get('/api/documents')).json() as { id: number }[])[0]!.id;
    const pairs = (await onA.get(`/api/documents/${documentId}/pairs`)).json() as { id: number; version: number; state: number }[];
    for (const p of pairs.filter((p) => p.state === 10).slice(0, 28)) {
      expect((await onA.request('POST', `/api/pairs/${p.id}/clear`, { json: { version: p.version }, headers: { 'X-CSRF-Token': onA.csrf } })).status).toBe(200);
    }
    const started = await onA.request('POST', `/api/documents/${documentId}/machine-translate`, { headers: { 'X-CSRF-Token': onA.csrf, prefer: 'respond-async' } });
    expect(started.status).toBe(202);
    const { id } = started.json();
    translator.release(1);
    // Whichever server pg-boss gave it to, the first batch is written and the second is with the translator.
    await expect.poll(async () => (await onB.get(`/api/jobs/${id}`)).json().progress.done, { timeout: 60_000 }).toBe(25);
    await expect.poll(() => translator.calls).toBe(2);
    const total = (await onB.get(`/api/jobs/${id}`)).json().progress.total as number;
    // pg-boss gave the job to either server: the one that logged its beginning dies.
    const began = (wb: Workbench) => wb.output().includes(`Job ${id} (translate) began, attempt 1.`);
    const holder = servers.find((s) => began(s.wb))!;
    const other = servers.find((s) => s !== holder)!;
    // While its server lives, a job held up (here by the translator) past the check's grace stays with it.
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    expect(servers.map((s) => s.wb.output()).join('\n')).not.toContain(`Job ${id} (translate) began, attempt 2.`);
    await killTree(holder.wb.pid);
    const left = other.client;
    translator.release(Infinity);
    // Handed back within the check's 5 s and its 5 s of grace, then run; past a minute it is waiting for the expiry.
    await expect.poll(async () => (await left.get(`/api/jobs/${id}`)).json().state, { timeout: 60_000 }).toBe('done').catch((error: Error) => {
      throw new Error(`${error.message}\n--- the server left:\n${other.wb.output().slice(-4000)}\n--- the server killed:\n${holder.wb.output().slice(-2000)}`);
    });
    const job = (await left.get(`/api/jobs/${id}`)).json();
    expect(job).toMatchObject({ progress: { done: total, total }, result: { message: `${total} rows drafted (libretranslate).`, translated: total }, error: null });
    const after = (await left.get(`/api/documents/${documentId}/pairs`)).json() as { state: number; noise: boolean }[];
    expect(after.filter((p) => !p.noise && p.state === 0)).toHaveLength(0);
    expect(other.wb.output()).toContain(`Job ${id} (translate) began, attempt 2.`);
    const history = await Promise.all(pairs.filter((p) => p.state === 10).slice(0, 28).map(async (p) => (await left.get(`/api/pairs/${p.id}/history`)).json() as { action: string }[]));
    expect(history.every((revisions) => revisions.filter((r) => r.action === 'mt').length === 1)).toBe(true);
  }, 300_000);
});
