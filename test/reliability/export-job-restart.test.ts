// An export job survives its server: killed with SIGKILL while the job waits its turn, and with parts of a file written
// by a run that died, the server started again on the same SQLite file makes the file again from its first byte, the
// same bytes as the immediate export gives.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkbench, type Workbench } from '../support/start-workbench.ts';
import { signedInAdmin } from '../support/test-server.ts';
import { killTree } from '../support/processes.ts';
import { startFakeTranslator, type FakeTranslator } from '../support/fake-translator.ts';
import { exportTime } from '../support/export-time.ts';

const PASSWORD = 'export-restart-1';
let translator: FakeTranslator;
let first: Workbench;
let second: Workbench | undefined;

const signedIn = (url: string) => signedInAdmin(url, PASSWORD);

describe('an export job when its server is killed', () => {
  beforeAll(async () => {
    translator = await startFakeTranslator();
    // The demo document (some 35 pairs) counts as big here.
    first = await startWorkbench({ DUIQI_ADMIN_PASSWORD: PASSWORD, DUIQI_MT_URL: translator.url, DUIQI_EXPORT_JOB_ROWS: '5' });
  }, 200_000);
  afterAll(async () => {
    translator?.release(Infinity);
    await second?.stop();
    fs.rmSync(path.dirname(first.dbFile), { recursive: true, force: true });
    await translator?.close();
  });

  it('when the server dies with an export job queued and parts of its file written then the next start makes the whole file again, as the immediate export', async () => {
    const a = await signedIn(first.url);
    const documentId = ((await a.get('/api/documents')).json() as { id: number }[])[0]!.id;
    // Two machine translations held by the translator fill the server's two job places, so the export waits its turn.
    for (let i = 0; i < 2; i++) {
      const mt = await a.request('POST', `/api/documents/${documentId}/machine-translate`, { headers: { 'X-CSRF-Token': a.csrf, prefer: 'respond-async' } });
      expect(mt.status).toBe(202);
    }
    await expect.poll(() => translator.calls, { timeout: 20_000 }).toBe(2);
    const started = await a.request('GET', `/api/documents/${documentId}/export?format=xliff&state=all`, { headers: { prefer: 'respond-async' } });
    expect(started.status).toBe(202);
    const { id } = started.json() as { id: number };
    await killTree(first.pid);
    const killedAt = Date.now();

    // As a run that died mid-file leaves it: running, some rows done, two parts of a file written.
    const left = new Database(first.dbFile);
    expect(left.prepare('SELECT kind, state, attempts FROM jobs WHERE id = ?').get(id)).toEqual({ kind: 'export', state: 'queued', attempts: 0 });
    left.prepare("UPDATE jobs SET state = 'running', attempts = 1, done = 7, total = 40 WHERE id = ?").run(id);
    // The translations served only to hold the places: ended, they draft nothing while the export reads the rows.
    left.prepare("UPDATE jobs SET state = 'failed', error = '{}' WHERE kind = 'translate'").run();
    const insert = left.prepare('INSERT INTO job_files (job_id, part, bytes) VALUES (?, ?, ?)');
    insert.run(id, 0, Buffer.from('<?xml version="1.0"?><xliff>cut short'));
    insert.run(id, 1, Buffer.from('…'));
    left.close();

    // A threshold no document reaches, so that this server's download is the immediate export to compare with.
    second = await startWorkbench({ DUIQI_ADMIN_PASSWORD: PASSWORD, DUIQI_MT_URL: translator.url, DUIQI_DB: first.dbFile, DUIQI_EXPORT_JOB_ROWS: '100000' });
    translator.release(Infinity);
    const b = await signedIn(second.url);
    await expect.poll(async () => (await b.get(`/api/jobs/${id}`)).json().state, { timeout: 60_000 }).toBe('done');
    const job = (await b.get(`/api/jobs/${id}`)).json();
    const total = ((await b.get(`/api/documents/${documentId}/pairs`)).json() as { noise: boolean }[]).filter((p) => !p.noise).length;
    expect(job).toMatchObject({ kind: 'export', progress: { done: total, total }, error: null, result: { download: `/api/jobs/${id}/file` } });
    expect(second.output()).toContain(`Job ${id} (export) began, attempt 2.`);

    const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const bytes = async (url: string) => Buffer.from(await (await fetch(`${second!.url}${url}`, { headers: { cookie } })).arrayBuffer());
    const stored = await bytes(`/api/jobs/${id}/file`);
    // The file states when it was asked for, before the kill: the run begun again made the same bytes as the first would have.
    expect(exportTime(stored).getTime()).toBeLessThan(killedAt);
    const now = await bytes(`/api/documents/${documentId}/export?format=xliff&state=all`);
    const immediate = Buffer.from(now.toString('utf8').replace(exportTime(now).toISOString(), exportTime(stored).toISOString()));
    expect(stored.toString('utf8')).toContain('<xliff');
    expect(stored.includes(Buffer.from('cut short'))).toBe(false);
    expect(stored.equals(immediate)).toBe(true);
    const db = new Database(first.dbFile, { readonly: true });
    expect(db.prepare('SELECT attempts FROM jobs WHERE id = ?').pluck().get(id)).toBe(2);
    db.close();
  }, 200_000);
});
