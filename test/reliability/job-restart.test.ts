// A job survives its server: killed with SIGKILL mid-job, the server started again on the same SQLite file resumes it,
// and it ends with the whole result; a job whose server stopped too many times is failed with a sentence, never lost.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkbench, type Workbench } from '../support/start-workbench.ts';
import { signedInAdmin } from '../support/test-server.ts';
import { killTree } from '../support/processes.ts';
import { startFakeTranslator, type FakeTranslator } from '../support/fake-translator.ts';
import { MAX_ATTEMPTS } from '../../server/services/jobs.ts';

const PASSWORD = 'job-restart-12';
let translator: FakeTranslator;
let first: Workbench;
let second: Workbench | undefined;

const signedIn = (url: string) => signedInAdmin(url, PASSWORD);

describe('a job when its server is killed', () => {
  beforeAll(async () => {
    translator = await startFakeTranslator();
    first = await startWorkbench({ DUIQI_ADMIN_PASSWORD: PASSWORD, DUIQI_MT_URL: translator.url });
  }, 200_000);
  afterAll(async () => {
    translator?.release(Infinity);
    await second?.stop();
    fs.rmSync(path.dirname(first.dbFile), { recursive: true, force: true });
    await translator?.close();
  });

  it('when the server is killed mid-job then the next start resumes it, keeps the drafts made, and the job ends with all of them', async () => {
    const a = await signedIn(first.url);
    const documentId = ((await a.get('/api/documents')).json() as { id: number }[])[0]!.id;
    // The demo has two untranslated headlines; more untranslated rows make two batches of work.
    const pairs = (await a.get(`/api/documents/${documentId}/pairs`)).json() as { id: number; version: number; state: number; noise: boolean }[];
    for (const p of pairs.filter((p) => p.state === 10).slice(0, 28)) {
      const res = await a.request('POST', `/api/pairs/${p.id}/clear`, { json: { version: p.version }, headers: { 'X-CSRF-Token': a.csrf } });
      expect(res.status).toBe(200);
    }
    const started = await a.request('POST', `/api/documents/${documentId}/machine-translate`, { headers: { 'X-CSRF-Token': a.csrf, prefer: 'respond-async' } });
    expect(started.status).toBe(202);
    const { id } = started.json();
    translator.release(1);
    await expect.poll(async () => (await a.get(`/api/jobs/${id}`)).json().progress.done, { timeout: 60_000 }).toBe(25);
    const total = (await a.get(`/api/jobs/${id}`)).json().progress.total as number;
    expect(total).toBeGreaterThan(25);
    // The second batch is with the translator when the server dies.
    await expect.poll(() => translator.calls).toBe(2);
    await killTree(first.pid);
    const left = new Database(first.dbFile);
    expect(left.prepare('SELECT state, attempts FROM jobs WHERE id = ?').get(id)).toEqual({ state: 'running', attempts: 1 });
    left.close();

    second = await startWorkbench({ DUIQI_ADMIN_PASSWORD: PASSWORD, DUIQI_MT_URL: translator.url, DUIQI_DB: first.dbFile });
    const b = await signedIn(second.url);
    translator.release(Infinity);
    await expect.poll(async () => (await b.get(`/api/jobs/${id}`)).json().state, { timeout: 60_000 }).toBe('done');
    const job = (await b.get(`/api/jobs/${id}`)).json();
    expect(job).toMatchObject({ progress: { done: total, total }, result: { message: `${total} rows drafted (libretranslate).`, translated: total }, error: null });
    const after = (await b.get(`/api/documents/${documentId}/pairs`)).json() as { state: number; noise: boolean }[];
    expect(after.filter((p) => !p.noise && p.state === 0)).toHaveLength(0);
    const db = new Database(first.dbFile, { readonly: true });
    expect(db.prepare('SELECT attempts FROM jobs WHERE id = ?').pluck().get(id)).toBe(2);
    // Each row was drafted once: the batch written before the kill was not drafted again.
    expect(db.prepare("SELECT count(*) FROM revisions r JOIN pairs p ON p.id = r.pair_id WHERE p.document_id = ? AND r.action = 'mt'").pluck().get(documentId)).toBe(total);
    db.close();
  }, 200_000);

  it(`when a job has stopped its server ${MAX_ATTEMPTS} times then the next start fails it with a sentence instead of beginning it again`, async () => {
    const db = new Database(first.dbFile);
    const id = db.prepare("INSERT INTO jobs (kind, document_id, created_by, input, state, attempts) VALUES ('translate', 1, 1, '{\"user\":{\"id\":1,\"name\":\"admin\",\"role\":\"admin\"}}', 'running', ?) RETURNING id")
      .pluck().get(MAX_ATTEMPTS) as number;
    db.close();
    await second!.stop();
    second = await startWorkbench({ DUIQI_ADMIN_PASSWORD: PASSWORD, DUIQI_MT_URL: translator.url, DUIQI_DB: first.dbFile });
    const c = await signedIn(second.url);
    c.cookies.set('duiqi_lang', 'zh-CN');
    await expect.poll(async () => (await c.get(`/api/jobs/${id}`)).json().state, { timeout: 60_000 }).toBe('failed');
    expect((await c.get(`/api/jobs/${id}`)).json().error.message).toBe(`运行此任务时服务器已停止 ${MAX_ATTEMPTS} 次，不再重新开始。`);
  }, 200_000);
});
