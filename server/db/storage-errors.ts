// Failures of the database itself rather than of the request: each driver has codes of its own for them; the stores
// turn them into one error with a sentence, as their transaction has been rolled back and nothing was written.

import { UnavailableError } from '../domain/errors.ts';

// SQLite's SQLITE_FULL; PostgreSQL's disk_full (class 53, insufficient resources).
const FULL_CODES = new Set(['SQLITE_FULL', '53100']);
// PostgreSQL shutting down or starting (57P01-57P03) and connection exceptions (class 08); the socket's own failures.
const GONE_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE']);
// pg and pg-pool say these in words only: a connect timeout, and a server that closed the connection.
const GONE_MESSAGES = /timeout exceeded when trying to connect|connection terminated|connection timeout/i;

/**
 * `error` as the store's caller should see it: a full disk, or a database that does not answer (PostgreSQL down or
 * unreachable), becomes a 503 with a sentence; anything else stays.
 */
export function storageError(error: unknown): unknown {
  const code = String((error as { code?: unknown } | null)?.code);
  if (FULL_CODES.has(code)) return new UnavailableError('The server\'s disk is full, so nothing was saved. Please tell your administrator.', 'errors.diskFull');
  if (GONE_CODES.has(code) || GONE_MESSAGES.test((error as Error | null)?.message ?? '')) {
    // The cause goes with it into the log (the error handler logs every 5xx): refused, timed out, shut down.
    const unavailable = new UnavailableError('The database is not answering, so nothing was saved. Please try again in a moment, and tell your administrator if it lasts.', 'errors.databaseUnavailable');
    return Object.assign(unavailable, { cause: error });
  }
  return error;
}
