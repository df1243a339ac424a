// A database that cannot grow (disk full, or its file at the size limit) refuses a write with a code of its own on
// each driver; the stores turn it into one error with a sentence, as their transaction has been rolled back.

import { UnavailableError } from '../domain/errors.ts';

// SQLite's SQLITE_FULL; PostgreSQL's disk_full (class 53, insufficient resources).
const FULL_CODES = new Set(['SQLITE_FULL', '53100']);

/** `error` as the store's caller should see it: a storage-full failure becomes a 503 with a sentence, anything else stays. */
export function storageError(error: unknown): unknown {
  if (!FULL_CODES.has(String((error as { code?: unknown } | null)?.code))) return error;
  return new UnavailableError('The server\'s disk is full, so nothing was saved. Please tell your administrator.', 'errors.diskFull');
}
