// Opens the SQLite file with the settings every connection needs, and migrates it.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations, readMigrations } from './migrate.ts';
import type { StatementTally } from './store.ts';

export type Db = Database.Database;

/** With a `tally`, better-sqlite3 reports every statement it executes (at some cost: it expands each one's SQL). */
export function openDatabase(file: string, tally?: StatementTally): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, tally ? { verbose: (sql?: unknown) => void (tally.statements++, tally.texts?.push(String(sql))) } : {});
  // WAL lets readers work while one writer commits; the busy timeout queues writers instead of failing.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  applyMigrations(db, readMigrations());
  return db;
}
