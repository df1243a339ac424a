// The failed-login counters kept in the store, so that every server process on one database shares them.

import type { Store } from '../db/store.ts';
import type { CounterStore } from '../domain/login-throttle.ts';

export function storedCounters(store: Store): CounterStore {
  return {
    get: (key) => store.read((tx) => tx.loginCounters.get(key)),
    fail: (key, at, windowMs) => store.write((tx) => tx.loginCounters.fail(key, at, windowMs)),
    lock: (key, until) => store.write((tx) => tx.loginCounters.lock(key, until)),
    clear: (key) => store.write((tx) => tx.loginCounters.clear(key)),
    prune: (now, quietSince) => store.write((tx) => tx.loginCounters.prune(now, quietSince)),
    size: () => store.read((tx) => tx.loginCounters.size()),
  };
}
