// SQL for the failed-login counters: one row per account or address, changed in one transaction.

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
