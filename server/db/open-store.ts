// Opens the store at a database address: PostgreSQL for a postgres:// URL (migrated under its advisory lock),
// otherwise the SQLite file. The pg driver loads only for the first.

import { UnavailableError, type Reason } from '../domain/errors.ts';
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
    throw cannotOpen(shownAddress(address), error);
  }
}

/**
 * The sentence for the admin who has to act on it, keyed so that the command line and the server's start say it in the
 * environment's language; a reason duiqi does not recognise is the driver's own words. Status 503: not the user's
 * mistake, so the command exits 1.
 */
function cannotOpen(address: string, failure: unknown): UnavailableError {
  const why = whyNot(failure);
  const reason: Reason | undefined = why.known ? { key: `openDatabase.reasons.${why.known}`, params: why.params } : undefined;
  const english = why.known ? REASONS[why.known]!.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => why.params[name] ?? '') : why.detail;
  const error = new UnavailableError(`Cannot open the database ${address}: ${english}`, 'openDatabase.failed', reason ? { address, reason } : { address, detail: english });
  return Object.assign(error, { cause: failure });
}

// The English of each reason (the locales hold both languages under openDatabase.*), for the error's message in logs.
const REASONS: Record<string, string> = {
  readOnly: 'the file or its folder is read-only for this user.',
  cannotOpen: 'the file cannot be opened or made there (is it a folder, or is its folder missing or read-only?).',
  notADatabase: 'the file is not a SQLite database.',
  diskFull: 'the disk is full.',
  fileForFolder: 'a file stands where its folder should be.',
  refused: 'nothing accepts connections at that host and port.',
  noSuchHost: 'there is no such host.',
  noAnswer: 'no answer within {{seconds}} s (is PostgreSQL running at that host and port?).',
};

const BY_CODE: Record<string, string> = {
  SQLITE_READONLY: 'readOnly', SQLITE_CANTOPEN: 'cannotOpen', SQLITE_NOTADB: 'notADatabase', SQLITE_FULL: 'diskFull',
  EEXIST: 'fileForFolder', ECONNREFUSED: 'refused', ENOTFOUND: 'noSuchHost',
};

/** The driver's reason: one duiqi recognises (`known`, a key of REASONS), to be said in the reader's words, or the driver's message. */
function whyNot(failure: unknown): { known?: string; params: Record<string, string>; detail: string } {
  // The store says a database that does not answer in a user's words; the driver's error it came from says why.
  const error = failure instanceof UnavailableError ? failure.cause : failure;
  const { code, message } = error as { code?: string; message?: string };
  // SQLite's extended codes (SQLITE_READONLY_DIRECTORY, …) say the same as their primary one here.
  const primary = code?.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1');
  const known = primary ? BY_CODE[primary] : undefined;
  if (known) return { known, params: {}, detail: '' };
  if (/timeout/i.test(message ?? '')) return { known: 'noAnswer', params: { seconds: String(CONNECT_TIMEOUT_MS / 1000) }, detail: '' };
  return { params: {}, detail: message ?? String(error) };
}
