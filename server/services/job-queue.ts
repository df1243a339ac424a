// Chooses the job queue for a store: pg-boss on PostgreSQL (loaded only there), this process on SQLite.

import type { Store } from '../db/store.ts';
import { isPostgresUrl } from '../db/database-address.ts';
import { DEFAULT_JOB_TIMES, type JobTimes } from '../config.ts';
import type { JobQueue } from './jobs.ts';
import { inProcessQueue } from './job-queue-in-process.ts';

/** `resume` concerns SQLite only (see inProcessQueue); on PostgreSQL pg-boss hands a dead server's jobs to another. */
export async function jobQueueFor(store: Store, options: { resume: boolean; times?: JobTimes }): Promise<JobQueue> {
  if (!store.address || !isPostgresUrl(store.address)) return inProcessQueue(store, { resume: options.resume });
  const { pgBossQueue } = await import('./job-queue-pg-boss.ts');
  return pgBossQueue(store.address, options.times ?? DEFAULT_JOB_TIMES);
}
