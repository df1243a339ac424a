// SQL for the failed-login counters and the devices that logged in to an account, on PostgreSQL
// (see ../login-counters-repo.ts).

import type { Counter } from '../../domain/login-throttle.ts';
import { inTransaction, one, row, run, type PostgresPool, type Sql } from './connect.ts';

/** The counter store of login-throttle.ts, asynchronous. */
export interface AsyncCounterStore {
  get(key: string): Promise<Counter | undefined>;
  update(key: string, change: (current: Counter | undefined) => Counter | undefined): Promise<void>;
  prune(now: number, quietSince: number): Promise<void>;
  size(): Promise<number>;
}

const get = async (sql: Sql, key: string): Promise<Counter | undefined> => {
  const found = await row<{ failures: string; locked_until: number }>(sql, 'SELECT failures, locked_until FROM login_counters WHERE key = $1', [key]);
  return found ? { failures: JSON.parse(found.failures) as number[], lockedUntil: found.locked_until } : undefined;
};

/** Each update is a transaction of its own on the pool, as on SQLite, whatever else the caller holds. */
export function loginCounters(pool: PostgresPool): AsyncCounterStore {
  return {
    get: (key) => get(pool, key),
    update: (key, change) => inTransaction(pool, async (sql) => {
      // Servers counting the same key's failures queue here, so none reads a count another is about to replace;
      // a row lock cannot do it for a key that has no row yet.
      await sql.query("SELECT pg_advisory_xact_lock(hashtextextended('login_counters:' || $1, 0))", [key]);
      const next = change(await get(sql, key));
      if (!next) await sql.query('DELETE FROM login_counters WHERE key = $1', [key]);
      else {
        await sql.query(`INSERT INTO login_counters (key, failures, locked_until, last_at) VALUES ($1, $2, $3, $4)
          ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, last_at = excluded.last_at`,
        [key, JSON.stringify(next.failures), next.lockedUntil, Math.max(0, ...next.failures)]);
      }
    }),
    prune: async (now, quietSince) => void await run(pool, 'DELETE FROM login_counters WHERE locked_until < $1 AND last_at < $2', [now, quietSince]),
    size: async () => (await one<number>(pool, 'SELECT count(*) FROM login_counters'))!,
  };
}

export function loginDevicesRepo(sql: Sql) {
  return {
    insert: async (tokenHash: string, userId: number, expiresAt: number) =>
      void await run(sql, 'INSERT INTO login_devices (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [tokenHash, userId, expiresAt]),
    /** The name of the account a live device token belongs to. */
    account: (tokenHash: string, now: number) => one<string>(sql,
      'SELECT u.name FROM login_devices d JOIN users u ON u.id = d.user_id WHERE d.token_hash = $1 AND d.expires_at > $2', [tokenHash, now]),
    deleteExpired: async (now: number) => void await run(sql, 'DELETE FROM login_devices WHERE expires_at <= $1', [now]),
  };
}
