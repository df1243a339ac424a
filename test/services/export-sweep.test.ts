// The hourly removal of old export files runs while an app's job queue serves and stops with the queue: a closed app
// leaves no timer behind (which would keep its store, and sweep a database another test or server now owns).
// Over a real SQLite file and the in-process queue, with only setInterval on a fake clock, so an hour passes at once.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createI18n } from '../../server/http/i18n.ts';
import { openDatabase, type Db } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import type { Store } from '../../server/db/store.ts';
import { inProcessQueue } from '../../server/services/job-queue-in-process.ts';
import { pgBossQueue } from '../../server/services/job-queue-pg-boss.ts';
import type { JobQueue } from '../../server/services/jobs.ts';
import { DEFAULT_JOB_TIMES } from '../../server/config.ts';
import { tempDir } from '../support/test-server.ts';
import { createTestDatabase, describePostgres } from '../support/postgres.ts';

const HOUR_MS = 3600_000;
let dir: string;
let db: Db;
let store: Store;

beforeEach(() => {
  dir = tempDir();
  db = openDatabase(path.join(dir, 'duiqi.sqlite'));
  store = sqliteStore(db);
});
afterEach(async () => {
  vi.useRealTimers();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A finished export whose one-part file is two days old: past the 24 hours it is kept. */
async function oldExport(): Promise<number> {
  const id = await store.write(async (tx) => {
    const job = await tx.jobs.insert({ kind: 'export', documentId: null, createdBy: null, input: '{}' });
    await tx.jobs.addFilePart(job, 0, Buffer.from('<tmx/>'));
    return job;
  });
  db.prepare('UPDATE jobs SET state = ?, finished_at = ? WHERE id = ?').run('done', new Date(Date.now() - 48 * HOUR_MS).toISOString(), id);
  return id;
}
const fileParts = (id: number) => db.prepare('SELECT count(*) FROM job_files WHERE job_id = ?').pluck().get(id) as number;
// Transactions on one file take turns: one begun now ends after any sweep the clock set off.
const settled = () => store.read(async () => undefined);

it('when an app\'s job queue stops then its hourly sweep stops with it, and no timer is left', async () => {
  const i18n = await createI18n();
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  const queue = inProcessQueue(store, { resume: false });
  createApp({ store, i18n, jobQueue: queue });

  // Serving: an hour on, the old file is gone without any export asking for it.
  const swept = await oldExport();
  await vi.advanceTimersByTimeAsync(HOUR_MS);
  await settled();
  expect(fileParts(swept)).toBe(0);

  // Stopped, as a server or test closing its app stops the queue: no timer, and an old file stays however long it waits.
  await queue.stop();
  expect(vi.getTimerCount()).toBe(0);
  const kept = await oldExport();
  await vi.advanceTimersByTimeAsync(10 * HOUR_MS);
  await settled();
  expect(fileParts(kept)).toBe(1);
});

/**
 * Both queues' promise on real timers: a chore runs while the queue serves, and not once after it stopped. "Not once" is
 * checked against a clock of the same period started after the stop: five of its ticks pass, in each of which a timer
 * left running would have run first.
 */
async function choresStopWith(queue: JobQueue): Promise<void> {
  const EVERY_MS = 20;
  let runs = 0;
  await queue.start(async () => undefined, [{ what: 'Counting', everyMs: EVERY_MS, run: async () => void runs++ }]);
  await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(2), { timeout: 60_000, interval: EVERY_MS });
  await queue.stop();
  const stoppedAt = runs;
  await new Promise<void>((resolve) => {
    let ticks = 0;
    const clock = setInterval(() => {
      if (++ticks < 5) return;
      clearInterval(clock);
      resolve();
    }, EVERY_MS);
  });
  expect(runs).toBe(stoppedAt);
}

describe('chores of the job queues', () => {
  it('when the in-process queue stops then its chores stop', () => choresStopWith(inProcessQueue(store, { resume: false })));
});

describePostgres('chores of the job queues on PostgreSQL', () => {
  it('when the pg-boss queue stops then its chores stop', async () => {
    const database = await createTestDatabase();
    try {
      await choresStopWith(pgBossQueue(database.url, DEFAULT_JOB_TIMES));
    } finally {
      await database.drop();
    }
  }, 120_000);
});
