// SQL for the failed-login counters (one row per account, address or known device, changed in one transaction)
// and for the devices that logged in to an account.

import type { Db } from './open-database.ts';
import type { Counter, CounterStore } from '../domain/login-throttle.ts';

export function loginCounters(db: Db): CounterStore {
  const q = {
    get: db.prepare('SELECT failures, locked_until FROM login_counters WHERE key = ?'),
    put: db.prepare(`INSERT INTO login_counters (key, failures, locked_until, last_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, last_at = excluded.last_at`),
    remove: db.prepare('DELETE FROM login_counters WHERE key = ?'),
    prune: db.prepare('DELETE FROM login_counters WHERE locked_until < ? AND last_at < ?'),
    size: db.prepare('SELECT count(*) FROM login_counters').pluck(),
  };
  const get = (key: string): Counter | undefined => {
    const row = q.get.get(key) as { failures: string; locked_until: number } | undefined;
    return row ? { failures: JSON.parse(row.failures) as number[], lockedUntil: row.locked_until } : undefined;
  };
  return {
    get,
    update(key, change) {
      // IMMEDIATE: two processes counting the same account's failures must not both read the old count.
      db.transaction(() => {
        const next = change(get(key));
        if (!next) q.remove.run(key);
        else q.put.run(key, JSON.stringify(next.failures), next.lockedUntil, Math.max(0, ...next.failures));
      }).immediate();
    },
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
