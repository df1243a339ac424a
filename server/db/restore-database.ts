// Puts a backup back in place of the SQLite file, through SQLite itself: copying the file over the database would
// leave the database's write-ahead log beside it, whose pages SQLite then lays over the restored copy. The backup is
// opened for writing (nothing is written to it) because a read-only connection to a WAL file leaves its -wal and
// -shm files behind; the last connection to close removes them.

import Database from 'better-sqlite3';
import { ConflictError, ValidationError } from '../domain/errors.ts';

/** How long to wait for another connection to let go before taking the database to be in use by a server. */
const IN_USE_WAIT_MS = 500;

/** The last migration a backup recorded; refuses a file that is not a readable duiqi database. */
export function backupVersion(file: string, shownName = file): number {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new ValidationError(`"${shownName}" is a damaged SQLite database.`, 'cli.restoreDamaged', { name: shownName });
    const recorded = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!recorded) throw new ValidationError(`"${shownName}" is not a duiqi database: it has no schema_migrations table.`, 'cli.restoreNotDuiqi', { name: shownName });
    return (db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck().get() as number);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new ValidationError(`"${shownName}" is not a SQLite database.`, 'cli.restoreNotSqlite', { name: shownName });
    if (code === 'SQLITE_CANTOPEN') throw new ValidationError(`Cannot read "${shownName}".`, 'cli.restoreCannotRead', { name: shownName });
    throw err;
  } finally {
    db?.close();
  }
}

/**
 * Refuses while any other connection has `file` open (a running server keeps one), else settles its write-ahead log
 * into the file: an exclusive lock cannot be had beside another connection, and the last connection to close
 * checkpoints the log and removes it. False when `file` is no SQLite database at all (its header overwritten, say):
 * SQLite can neither lock nor write into it, and no server can be using it.
 */
export function settleUnused(file: string): boolean {
  const db = new Database(file, { fileMustExist: true, timeout: IN_USE_WAIT_MS });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return true;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_BUSY') throw new ConflictError(`The database ${file} is in use: stop every duiqi server that uses it, then restore.`, 'cli.restoreInUse', { file });
    if (code === 'SQLITE_NOTADB') return false;
    throw err;
  } finally {
    db.close();
  }
}

/** Replaces everything in `target` (created if missing) by the pages of `backup`, in one write transaction of SQLite's backup. */
export async function restoreDatabase(backup: string, target: string): Promise<void> {
  const db = new Database(backup, { fileMustExist: true });
  try {
    await db.backup(target, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
}
