// PostgreSQL migrations: the numbered files of migrations/postgres, applied under an advisory lock so that several
// servers starting at once apply each exactly once.

import path from 'node:path';
import type pg from 'pg';
import { MIGRATIONS_DIR, readMigrations, refuseNewer, type Migration } from '../migrate.ts';
import { transaction } from './connect.ts';

export const POSTGRES_MIGRATIONS_DIR = path.join(MIGRATIONS_DIR, 'postgres');

/** Any fixed number that other applications on the database do not use as an advisory lock key. */
const MIGRATION_LOCK = 0x6475_6971; // "duiq"

export const readPostgresMigrations = (dir = POSTGRES_MIGRATIONS_DIR) => readMigrations(dir);

/**
 * Applies the migrations not yet recorded, each in its own transaction; returns the versions applied. The session
 * lock is held by the connection that applies them, from before reading what is done until after the last commit, so
 * a second server waits, then finds everything recorded.
 */
export async function applyPostgresMigrations(pool: pg.Pool, migrations: Migration[]): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const done = new Set(rows.map((r) => r.version));
      refuseNewer(done, migrations);
      const applied: number[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await transaction(client, async (sql) => {
          await sql.query(m.sql);
          await sql.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        });
        applied.push(m.version);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
