// SQL for the failed-login counters (one row per account, address or known device, each change one statement)
// and for the devices that logged in to an account.

import type { Db } from './open-database.ts';
import type { CounterStore } from '../domain/login-throttle.ts';

export function loginCounters(db: Db): CounterStore {
  const q = {
    get: db.prepare('SELECT failures, window_start, locked_until FROM login_counters WHERE key = ?'),
    // The whole count in one statement: a failure either opens a new window or adds one to the current one.
    fail: db.prepare(`INSERT INTO login_counters (key, failures, window_start, locked_until, last_at) VALUES (@key, 1, @at, 0, @at)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN @at - window_start >= @window THEN 1 ELSE failures + 1 END,
        window_start = CASE WHEN @at - window_start >= @window THEN @at ELSE window_start END,
        last_at = max(last_at, @at)
      RETURNING failures`).pluck(),
    lock: db.prepare('UPDATE login_counters SET locked_until = max(locked_until, ?) WHERE key = ?'),
    clear: db.prepare('DELETE FROM login_counters WHERE key = ?'),
    prune: db.prepare('DELETE FROM login_counters WHERE locked_until < ? AND last_at < ?'),
    size: db.prepare('SELECT count(*) FROM login_counters').pluck(),
  };
  return {
    get(key) {
      const row = q.get.get(key) as { failures: number; window_start: number; locked_until: number } | undefined;
      return row ? { failures: row.failures, windowStart: row.window_start, lockedUntil: row.locked_until } : undefined;
    },
    fail: (key, at, windowMs) => q.fail.get({ key, at, window: windowMs }) as number,
    lock: (key, until) => void q.lock.run(until, key),
    clear: (key) => void q.clear.run(key),
    prune: (now, quietSince) => void q.prune.run(now, quietSince),
    size: () => q.size.get() as number,
  };
}

export function loginDevicesRepo(db: Db) {
  const q = {
    insert: db.prepare('INSERT INTO login_devices (token_hash, user_id, expires_at) VALUES (?, ?, ?)'),
    account: db.prepare(`SELECT u.name FROM login_devices d JOIN users u ON u.id = d.user_id WHERE d.token_hash = ? AND d.expires_at > ?`).pluck(),
    deleteExpired: db.prepare('DELETE FROM login_devices WHERE expires_at <= ?'),
  };
  return {
    insert: (tokenHash: string, userId: number, expiresAt: number) => void q.insert.run(tokenHash, userId, expiresAt),
    /** The name of the account a live device token belongs to. */
    account: (tokenHash: string, now: number) => q.account.get(tokenHash, now) as string | undefined,
    deleteExpired: (now: number) => void q.deleteExpired.run(now),
  };
}
export type LoginDevicesRepo = ReturnType<typeof loginDevicesRepo>;
