// Opens the store at a database address: PostgreSQL for a postgres:// URL (migrated under its advisory lock),
// otherwise the SQLite file. The pg driver loads only for the first.

import { UnavailableError } from '../domain/errors.ts';
import { CONNECT_TIMEOUT_MS, isPostgresUrl, shownAddress } from './database-address.ts';
import { openStore, type SqliteStoreHooks } from './sqlite-store.ts';
import type { Store } from './store.ts';

/**
 * `hooks` concern SQLite's one writer at a time; PostgreSQL takes writers side by side and needs none, but a pool of
 * `pool` connections.
 */
export async function openStoreAt(address: string, options: { hooks?: SqliteStoreHooks; pool?: number } = {}): Promise<Store> {
  try {
    if (!isPostgresUrl(address)) return openStore(address, options.hooks);
    const { openPostgresStore } = await import('./postgres/postgres-store.ts');
    return await openPostgresStore(address, options.pool);
  } catch (error) {
    throw new Error(`Cannot open the database ${shownAddress(address)}: ${whyNot(error)}`, { cause: error });
  }
}

/** The driver's reason, said for the admin who has to act on it. */
function whyNot(failure: unknown): string {
  // The store says a database that does not answer in a user's words; the driver's error it came from says why.
  const error = failure instanceof UnavailableError ? failure.cause : failure;
  const { code, message } = error as { code?: string; message?: string };
  const reasons: Record<string, string> = {
    SQLITE_READONLY: 'the file or its folder is read-only for this user.',
    SQLITE_CANTOPEN: 'the file cannot be opened or made there (is it a folder, or is its folder missing or read-only?).',
    SQLITE_NOTADB: 'the file is not a SQLite database.',
    SQLITE_FULL: 'the disk is full.',
    EEXIST: 'a file stands where its folder should be.',
    ECONNREFUSED: 'nothing accepts connections at that host and port.',
    ENOTFOUND: 'there is no such host.',
  };
  // SQLite's extended codes (SQLITE_READONLY_DIRECTORY, …) say the same as their primary one here.
  const primary = code?.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1');
  if (primary && reasons[primary]) return reasons[primary];
  if (/timeout/i.test(message ?? '')) return `no answer within ${CONNECT_TIMEOUT_MS / 1000} s (is PostgreSQL running at that host and port?).`;
  return message ?? String(error);
}
