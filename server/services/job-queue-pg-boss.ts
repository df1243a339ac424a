// The job queue of PostgreSQL mode: pg-boss, in its own schema of the same database, so any app server may run any job,
// and one whose server died is taken over by another once its expiry has passed.

import PgBoss from 'pg-boss';
import { MAX_ATTEMPTS, type JobQueue } from './jobs.ts';
import type { JobTimes } from '../config.ts';
import { scheduleChores } from './job-chores.ts';

const QUEUE = 'duiqi-jobs';

/** As the in-process queue: two jobs at once on each server. */
const AT_ONCE = 2;

/** `times`: see JobTimes; the jobs table's attempts stop a job that kills every server it lands on from going round for ever. */
export function pgBossQueue(url: string, times: JobTimes): JobQueue {
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 4, maintenanceIntervalSeconds: times.maintenanceSeconds });
  // A lost connection is retried by pg-boss; unheard, its error event would end the process.
  boss.on('error', (err: Error) => console.error(`Job queue (pg-boss): ${err.message}`));
  let ready: Promise<void> | undefined;
  const started = () => (ready ??= (async () => {
    await boss.start();
    // Our own run() stores a job's failure and never throws: pg-boss retries only a job whose server died.
    await boss.createQueue(QUEUE, { name: QUEUE, expireInSeconds: times.expireSeconds, retryLimit: MAX_ATTEMPTS, retryDelay: 1 });
  })());
  const workers: string[] = [];
  let stopChores = () => {};

  return {
    async enqueue(id) {
      await started();
      await boss.send(QUEUE, { id });
      // This server's workers look at once rather than at their next poll.
      workers.forEach((worker) => boss.notifyWorker(worker));
    },
    async start(run, chores = []) {
      // Before the first await, so a stop that comes while pg-boss starts finds them.
      stopChores = scheduleChores(chores);
      await started();
      for (let i = 0; i < AT_ONCE; i++) {
        workers.push(await boss.work<{ id: number }>(QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => run(job!.data.id)));
      }
    },
    async stop() {
      stopChores();
      if (ready) await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
