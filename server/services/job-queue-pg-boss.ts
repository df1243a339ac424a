// The job queue of PostgreSQL mode: pg-boss, in its own schema of the same database, so any app server may run any job,
// and one whose server died is taken over by another once its expiry has passed.

import PgBoss from 'pg-boss';
import { CONNECT_TIMEOUT_MS } from '../db/database-address.ts';
import { storageError } from '../db/storage-errors.ts';
import { MAX_ATTEMPTS, type JobQueue } from './jobs.ts';
import type { JobTimes } from '../config.ts';
import { scheduleChores } from './job-chores.ts';
import { jobRunners, RUNNER_CHECK_MS } from './job-runners.ts';

const QUEUE = 'duiqi-jobs';

/** As the in-process queue: two jobs at once on each server. */
const AT_ONCE = 2;

// Servers starting at once create the queue at once, and pg-boss's create_queue deadlocks between them (three at
// once: 6 starts in 8 failed here), which left a server without workers: a job it should take over stayed running.
// PostgreSQL rolls the loser back whole, so trying again is safe.
const DEADLOCK = '40P01';
const CREATE_ATTEMPTS = 8;

async function createQueue(boss: PgBoss, times: JobTimes): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      // Our own run() stores a job's failure and never throws: pg-boss retries only a job whose server died.
      await boss.createQueue(QUEUE, { name: QUEUE, expireInSeconds: times.expireSeconds, retryLimit: MAX_ATTEMPTS, retryDelay: 1 });
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK || attempt === CREATE_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 100 * attempt));
    }
  }
}

/** `times`: see JobTimes; the jobs table's attempts stop a job that kills every server it lands on from going round for ever. */
export function pgBossQueue(url: string, times: JobTimes): JobQueue {
  // pg-boss hands its options to pg's Pool, whose connect timeout its types leave out: without it a silent
  // PostgreSQL held an import's request for ever, where the store's own connections give up (CONNECT_TIMEOUT_MS).
  const options = { connectionString: url, schema: 'pgboss', max: 4, maintenanceIntervalSeconds: times.maintenanceSeconds, connectionTimeoutMillis: CONNECT_TIMEOUT_MS };
  const boss = new PgBoss(options);
  // A lost connection is retried by pg-boss; unheard, its error event would end the process.
  boss.on('error', (err: Error) => console.error(`Job queue (pg-boss): ${err.message}`));
  let ready: Promise<void> | undefined;
  // A start that failed is tried again by the next call, rather than leaving this server without jobs until restarted.
  const started = () => (ready ??= (async () => {
    await boss.start();
    await createQueue(boss, times);
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  }));
  const workers: string[] = [];
  let stopChores = () => {};
  const runners = jobRunners(url);
  // A job whose server died goes back to the queue now, not at its expiry (job-runners.ts); the expiry stays for a
  // server that lives but whose job hangs.
  const reclaim = {
    what: 'Handing back the jobs of a stopped server',
    everyMs: RUNNER_CHECK_MS,
    run: async () => {
      await started();
      const ids = await runners.reclaim(QUEUE, (id) => boss.fail(QUEUE, id, { message: 'its server stopped' }));
      if (ids.length) console.log(`Handed back ${ids.length} job(s) whose server stopped.`);
    },
  };

  return {
    async enqueue(id) {
      try {
        await started();
        await boss.send(QUEUE, { id });
      } catch (error) {
        throw storageError(error);
      }
      // This server's workers look at once rather than at their next poll.
      workers.forEach((worker) => boss.notifyWorker(worker));
    },
    async start(run, chores = []) {
      // Before the first await, so a stop that comes while pg-boss starts finds them.
      stopChores = scheduleChores([...chores, reclaim]);
      await started();
      for (let i = 0; i < AT_ONCE; i++) {
        workers.push(await boss.work<{ id: number }>(QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => runners.holding(job!.data.id, () => run(job!.data.id))));
      }
    },
    async stop() {
      stopChores();
      if (ready) await boss.stop({ graceful: true, wait: true, timeout: 5000 });
      await runners.close();
    },
  };
}
