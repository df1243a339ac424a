import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../server/db/migrate.ts';
import { openPostgres } from '../../server/db/postgres/connect.ts';
import { applyPostgresMigrations, readPostgresMigrations } from '../../server/db/postgres/migrate.ts';
import { createTestDatabase, describePostgres, type TestDatabase } from '../support/postgres.ts';

const tableColumns = `SELECT table_name AS t, column_name AS c FROM information_schema.columns
  WHERE table_schema = 'public' ORDER BY table_name, column_name`;

describePostgres('PostgreSQL migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  it('when they are read then they carry the numbers and names of the SQLite migrations', () => {
    const names = (ms: { version: number; name: string }[]) => ms.map((m) => `${m.version}-${m.name}`);
    expect(names(readPostgresMigrations())).toEqual(names(readMigrations()));
  });

  it('when three servers migrate one empty database at once then each migration is applied exactly once', async () => {
    const pools = [1, 2, 3].map(() => openPostgres(db.url, 2));
    try {
      const runs = await Promise.all(pools.map((pool) => applyPostgresMigrations(pool, readPostgresMigrations())));
      const all = readPostgresMigrations().map((m) => m.version);
      expect(runs.flat().sort((a, b) => a - b)).toEqual(all);
      expect(runs.filter((r) => r.length > 0)).toHaveLength(1);
      const { rows } = await db.pool.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(all);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('when migrations run again then nothing is applied', async () => {
    expect(await applyPostgresMigrations(db.pool, readPostgresMigrations())).toEqual([]);
  });

  it('when migrated then every SQLite table has the same columns, bar the id counters that sequences replace', async () => {
    const sqlite = new Database(':memory:');
    applyMigrations(sqlite, readMigrations());
    const expected = (sqlite.prepare(`SELECT m.name AS t, c.name AS c FROM sqlite_master m, pragma_table_info(m.name) c
      WHERE m.type = 'table' AND m.name != 'id_counters' ORDER BY t, c`).all() as { t: string; c: string }[]).map((r) => `${r.t}.${r.c}`);
    const { rows } = await db.pool.query<{ t: string; c: string }>(tableColumns);
    expect(rows.map((r) => `${r.t}.${r.c}`).sort()).toEqual(expected.sort());
  });

  it('when a row breaks a named constraint then PostgreSQL refuses it by that name', async () => {
    await expect(db.pool.query("INSERT INTO users (name, role, password_hash) VALUES ('x', 'boss', 'h')")).rejects.toThrow(/users_role_valid/);
    const { rows } = await db.pool.query("INSERT INTO documents (title) VALUES ('d') RETURNING id");
    await expect(db.pool.query('INSERT INTO pairs (document_id, idx, noise, state) VALUES ($1, 0, 0, 15)', [rows[0].id]))
      .rejects.toThrow(/pairs_state_valid/);
    await expect(db.pool.query("INSERT INTO revisions (pair_id, version, action, old_text, new_text) VALUES (NULL, 1, 'restore', '', '')"))
      .resolves.toBeDefined();
  });

  it('when a migration fails then it leaves neither its tables nor its record', async () => {
    const bad = [{ version: 999, name: 'half', sql: 'CREATE TABLE t1 (x int); CREATE TABLE t1 (y int);' }];
    await expect(applyPostgresMigrations(db.pool, bad)).rejects.toThrow(/already exists/);
    const { rows } = await db.pool.query("SELECT to_regclass('t1') AS t, (SELECT count(*) FROM schema_migrations WHERE version = 999) AS n");
    expect(rows[0]).toEqual({ t: null, n: 0 });
  });
});
