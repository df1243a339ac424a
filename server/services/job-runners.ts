// PostgreSQL mode: which jobs have a living server, told by PostgreSQL itself. The server running a job holds a session
// advisory lock named after it on a connection of its own; a server killed (SIGKILL, a lost machine) loses its
// connection and with it the lock, so another server finds the job active in pg-boss with nobody holding its lock and
// hands it back to the queue at once, rather than after pg-boss's expiry (15 minutes, as long as the longest job),
// during which the user watched a progress bar stand still.

import pg from 'pg';
import { CONNECT_TIMEOUT_MS } from '../db/database-address.ts';

/** Any fixed number other applications on the database do not use; the job's id is the lock's second key. */
const RUN_LOCK = 0x6475_6a6f; // "dujo"
/** pg-boss marks a job active when a worker fetches it, a moment before the worker takes the lock: never taken for dead. */
const GRACE_SECONDS = 5;
/** How often each server looks for jobs left by a dead one. */
export const RUNNER_CHECK_MS = 5_000;

// The second key is an int4; ids stay far below 2^31, the modulo keeps a larger one a valid (if shared) key.
const key = (job: number) => job % 0x7fff_ffff;

export interface JobRunners {
  /** Runs `work` for job `id` while holding its lock; throws (so pg-boss tries again) when the lock cannot be had. */
  holding<T>(id: number, work: () => Promise<T>): Promise<T>;
  /** Hands back to the queue, through `retry`, each active job of `queue` whose server's lock is gone; their pg-boss ids. */
  reclaim(queue: string, retry: (bossId: string) => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
}

export function jobRunners(url: string): JobRunners {
  let client: Promise<pg.Client> | undefined;
  const held = new Map<number, number>();
  // One connection for the server's locks: they live exactly as long as it does. Lost while the server lives (the
  // database restarted), it is opened again and takes back the locks of the jobs still running here.
  const connection = () => (client ??= (async () => {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    c.on('error', () => { client = undefined; });
    await c.connect();
    // Tried, not waited for (see holding): a job another server took over meanwhile is that server's now.
    for (const id of held.keys()) await c.query('SELECT pg_try_advisory_lock($1, $2)', [RUN_LOCK, key(id)]);
    return c;
  })().catch((error: unknown) => {
    client = undefined;
    throw error;
  }));

  return {
    async holding(id, work) {
      // Tried, never waited for: every lock of this server lives on one connection, so a wait there would hold up the
      // unlocks of its other jobs (and two servers each waiting for a job the other runs would wait for ever). A job
      // another server still runs (pg-boss handed it on at its expiry) is refused here, and pg-boss tries it later.
      // Taken before counting it held: a reconnection meanwhile takes back only locks this session had.
      if (!held.has(id)) {
        const taken = await (await connection()).query<{ free: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS free', [RUN_LOCK, key(id)]);
        if (!taken.rows[0]!.free) throw new Error(`Job ${id} is still running on another server.`);
      } else {
        await (await connection()).query('SELECT pg_advisory_lock($1, $2)', [RUN_LOCK, key(id)]);
      }
      held.set(id, (held.get(id) ?? 0) + 1);
      try {
        return await work();
      } finally {
        const left = held.get(id)! - 1;
        if (left) held.set(id, left);
        else held.delete(id);
        await (await connection()).query('SELECT pg_advisory_unlock($1, $2)', [RUN_LOCK, key(id)]).catch(() => undefined);
      }
    },
    async reclaim(queue, retry) {
      const c = await connection();
      const active = await c.query<{ id: string; job: string; started: string }>(
        `SELECT id, data->>'id' AS job, started_on::text AS started FROM pgboss.job
         WHERE name = $1 AND state = 'active' AND started_on < now() - make_interval(secs => $2)`, [queue, GRACE_SECONDS]);
      const reclaimed: string[] = [];
      for (const row of active.rows) {
        const id = Number(row.job);
        if (held.has(id)) continue;
        const free = await c.query<{ free: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS free', [RUN_LOCK, key(id)]);
        if (!free.rows[0]!.free) continue;
        try {
          // Still the same run, under the lock: another server may have reclaimed it, and a new run begun, meanwhile.
          const same = await c.query("SELECT 1 FROM pgboss.job WHERE id = $1 AND state = 'active' AND started_on = $2::timestamptz", [row.id, row.started]);
          if (same.rowCount) {
            await retry(row.id);
            reclaimed.push(row.id);
          }
        } finally {
          await c.query('SELECT pg_advisory_unlock($1, $2)', [RUN_LOCK, key(id)]);
        }
      }
      return reclaimed;
    },
    async close() {
      const c = await client?.catch(() => undefined);
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
