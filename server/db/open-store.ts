// Opens the store at a database address: PostgreSQL for a postgres:// URL (migrated under its advisory lock),
// otherwise the SQLite file. The pg driver loads only for the first.

import { isPostgresUrl } from './database-address.ts';
import { openStore, type SqliteStoreHooks } from './sqlite-store.ts';
import type { Store } from './store.ts';

/**
 * `hooks` concern SQLite's one writer at a time; PostgreSQL takes writers side by side and needs none, but a pool of
 * `pool` connections.
 */
export async function openStoreAt(address: string, options: { hooks?: SqliteStoreHooks; pool?: number } = {}): Promise<Store> {
  if (!isPostgresUrl(address)) return openStore(address, options.hooks);
  const { openPostgresStore } = await import('./postgres/postgres-store.ts');
  return openPostgresStore(address, options.pool);
}
