// SQL for the failed-login counters and the devices that logged in to an account, on PostgreSQL
// (see ../login-counters-repo.ts). Each change is one statement: an upsert locks the key's row (or inserts it), so
// servers counting one account at once lose no failure.

import type { Counter, CounterStore } from '../../domain/login-throttle.ts';
import { one, row, run, type Async, type Sql } from './connect.ts';

export function loginCounters(sql: Sql): Async<CounterStore> {
  return {
    get: async (key) => {
      const found = await row<{ failures: number; window_start: number; locked_until: number }>(sql,
        'SELECT failures, window_start, locked_until FROM login_counters WHERE key = $1', [key]);
      return found && ({ failures: found.failures, windowStart: found.window_start, lockedUntil: found.locked_until } satisfies Counter);
    },
    fail: async (key, at, windowMs) => (await one<number>(sql, `INSERT INTO login_counters AS c (key, failures, window_start, locked_until, last_at)
        VALUES ($1, 1, $2::bigint, 0, $2::bigint)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN $2::bigint - c.window_start >= $3::bigint THEN 1 ELSE c.failures + 1 END,
        window_start = CASE WHEN $2::bigint - c.window_start >= $3::bigint THEN $2::bigint ELSE c.window_start END,
        last_at = greatest(c.last_at, $2::bigint)
      RETURNING failures`, [key, at, windowMs]))!,
    lock: async (key, until) => void await run(sql, 'UPDATE login_counters SET locked_until = greatest(locked_until, $1) WHERE key = $2', [until, key]),
    clear: async (key) => void await run(sql, 'DELETE FROM login_counters WHERE key = $1', [key]),
    prune: async (now, quietSince) => void await run(sql, 'DELETE FROM login_counters WHERE locked_until < $1 AND last_at < $2', [now, quietSince]),
    size: async () => (await one<number>(sql, 'SELECT count(*) FROM login_counters'))!,
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
