// Numbered SQL migrations: read from disk separately from applying, so tests can migrate :memory:.

import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../migrations');

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .map((file) => /^(\d+)-(.+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[2]!, sql: fs.readFileSync(path.join(dir, m[0]), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Refuses a database that a newer duiqi migrated: this code would run on a schema it does not know (an upgrade rolled
 * back by hand, an old app server started beside upgraded ones), writing rows the newer code misreads.
 */
export function refuseNewer(recorded: Iterable<number>, migrations: Migration[]): void {
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const newest = Math.max(0, ...recorded);
  if (newest > known) {
    throw new Error(`it was migrated by a newer duiqi (migration ${newest}; this one knows up to ${known}): run that version, or restore a backup made before the upgrade.`);
  }
}

/** Applies the migrations not yet recorded, each in its own transaction; returns the versions applied. */
export function applyMigrations(db: Database, migrations: Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`);
  const done = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
  );
  refuseNewer(done, migrations);
  const record = db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
