// Migration 033 makes SQLite's jobs table again (for the kind 'analysis'): the jobs and the export files that refer to
// them are kept, with foreign keys on as the server runs (dropping the table would otherwise delete the files).

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../server/db/migrate.ts';

describe('migration 033 on SQLite', () => {
  it('when export jobs have files then they keep them, and an analysis job may be stored after it', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const all = readMigrations();
    applyMigrations(db, all.filter((m) => m.version < 33));
    db.exec(`INSERT INTO jobs (id, kind, input, state, skipped) VALUES (5, 'export', '{}', 'done', 0), (6, 'import', '{"a":1}', 'queued', 2);
      INSERT INTO job_files (job_id, part, bytes) VALUES (5, 0, x'0102'), (5, 1, x'03')`);
    expect(() => db.exec("INSERT INTO jobs (kind, input) VALUES ('analysis', '{}')")).toThrow(/CHECK constraint/);
    applyMigrations(db, all);
    expect(db.prepare('SELECT id, kind, input, state, skipped FROM jobs ORDER BY id').all()).toEqual([
      { id: 5, kind: 'export', input: '{}', state: 'done', skipped: 0 }, { id: 6, kind: 'import', input: '{"a":1}', state: 'queued', skipped: 2 },
    ]);
    expect(db.prepare('SELECT job_id, part, hex(bytes) AS bytes FROM job_files ORDER BY part').all()).toEqual([
      { job_id: 5, part: 0, bytes: '0102' }, { job_id: 5, part: 1, bytes: '03' },
    ]);
    db.exec("INSERT INTO jobs (kind, input) VALUES ('analysis', '{}')");
    // The files still go with their job.
    db.exec('DELETE FROM jobs WHERE id = 5');
    expect(db.prepare('SELECT count(*) FROM job_files').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
