// Opens the store at a database address: PostgreSQL for a postgres:// URL (migrated under its advisory lock),
// otherwise the SQLite file. The pg driver loads only for the first.

import { isPostgresUrl } from './database-address.ts';
import { openStore, type SqliteStoreHooks } from './sqlite-store.ts';
import type { Store } from './store.ts';

/** `hooks` concern SQLite's one writer at a time; PostgreSQL takes writers side by side and needs none. */
export async function openStoreAt(address: string, hooks?: SqliteStoreHooks): Promise<Store> {
  if (!isPostgresUrl(address)) return openStore(address, hooks);
  const { openPostgresStore } = await import('./postgres/postgres-store.ts');
  return openPostgresStore(address);
}
