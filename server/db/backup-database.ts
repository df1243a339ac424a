// SQLite's online backup: a consistent copy of a live database file, page by page, while others write.

import Database from 'better-sqlite3';

/** Copies the database at `source` to `target`, which must not exist yet. */
export async function copyDatabase(source: string, target: string): Promise<void> {
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // All remaining pages in one step: between steps a commit by the server would restart the copy, and under a
    // steady stream of saves it might never finish. One step is one read transaction, which WAL lets writers work beside.
    await db.backup(target, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
}
