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

  it('when migrated then every SQLite table has the same columns, bar the id counters that sequences replace and the FTS5 index', async () => {
    const sqlite = new Database(':memory:');
    applyMigrations(sqlite, readMigrations());
    // FTS5's virtual table and its shadow tables are SQLite's index, which pg_trgm's GIN indexes replace.
    const expected = (sqlite.prepare(`SELECT l.name AS t, c.name AS c FROM pragma_table_list l, pragma_table_info(l.name) c
      WHERE l.schema = 'main' AND l.type = 'table' AND l.name NOT LIKE 'sqlite_%' AND l.name != 'id_counters' ORDER BY t, c`)
      .all() as { t: string; c: string }[]).map((r) => `${r.t}.${r.c}`);
    const { rows } = await db.pool.query<{ t: string; c: string }>(tableColumns);
    expect(rows.map((r) => `${r.t}.${r.c}`).sort()).toEqual(expected.sort());
  });

  it('when a newer duiqi migrated the database then it is refused, saying which migration', async () => {
    const newer = await createTestDatabase();
    try {
      const all = readPostgresMigrations();
      await applyPostgresMigrations(newer.pool, all);
      await newer.pool.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from-the-future')");
      await expect(applyPostgresMigrations(newer.pool, all)).rejects.toThrow(`it was migrated by a newer duiqi (migration 999; this one knows up to ${all.at(-1)!.version})`);
    } finally {
      await newer.drop();
    }
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

/** A new database migrated up to (not including) `version`; the rest are applied by `finish`. */
async function migratedBefore(version: number) {
  const db = await createTestDatabase();
  const all = readPostgresMigrations();
  await applyPostgresMigrations(db.pool, all.filter((m) => m.version < version));
  return { db, finish: () => applyPostgresMigrations(db.pool, all) };
}

describePostgres('PostgreSQL migrations that change stored rows', () => {
  const opened: TestDatabase[] = [];
  afterAll(async () => Promise.all(opened.map((db) => db.drop())));
  const before = async (version: number) => {
    const m = await migratedBefore(version);
    opened.push(m.db);
    return m;
  };

  it('when pairs and memory units exist before 019 then the concordance holds their texts, each pair\'s Chinese joined in order', async () => {
    const { db, finish } = await before(19);
    await db.pool.query(`INSERT INTO documents (id, title) OVERRIDING SYSTEM VALUE VALUES (7, '文档');
      INSERT INTO sources (id, document_id, side, name, content) OVERRIDING SYSTEM VALUE VALUES (1, 7, 'src', 'zh.txt', '');
      INSERT INTO pairs (id, document_id, idx, noise, state, tgt_text) OVERRIDING SYSTEM VALUE VALUES (70, 7, 0, 0, 20, 'Share the results of cooperation.');
      INSERT INTO segments (document_id, pair_id, source_id, side, idx, text, paragraph, start_offset, end_offset) VALUES
        (7, 70, 1, 'src', 1, '合作成果。', 0, 0, 0), (7, 70, 1, 'src', 0, '共享', 0, 0, 0);
      INSERT INTO tm_units (id, src, tgt, origin) OVERRIDING SYSTEM VALUE VALUES (5, '扩大合作', 'expand cooperation', 'memory.tmx');`);
    await finish();
    expect((await db.pool.query('SELECT pair_id, tm_unit_id, src, tgt FROM concordance_texts ORDER BY id')).rows).toEqual([
      { pair_id: 70, tm_unit_id: null, src: '共享合作成果。', tgt: 'Share the results of cooperation.' },
      { pair_id: null, tm_unit_id: 5, src: '扩大合作', tgt: 'expand cooperation' }]);
  });

  it('when revisions exist before 003 then they gain their document, and outlive a deleted pair', async () => {
    const { db, finish } = await before(3);
    await db.pool.query(`INSERT INTO documents (id, title) OVERRIDING SYSTEM VALUE VALUES (7, '文档');
      INSERT INTO pairs (id, document_id, idx, noise, state, tgt_text) OVERRIDING SYSTEM VALUE VALUES (70, 7, 0, 0, 20, 'Edited.');
      INSERT INTO revisions (pair_id, version, action, old_text, new_text) VALUES (70, 2, 'save', 'MT.', 'Edited.');`);
    await finish();
    const revision = async () => (await db.pool.query('SELECT document_id, pair_id, new_text FROM revisions')).rows[0];
    expect(await revision()).toEqual({ document_id: 7, pair_id: 70, new_text: 'Edited.' });
    await db.pool.query('DELETE FROM pairs WHERE id = 70');
    expect(await revision()).toEqual({ document_id: 7, pair_id: null, new_text: 'Edited.' });
  });

  it('when a document kept gaps, negative or huge indexes before 008 then its pairs are renumbered 0…n-1 in order', async () => {
    const { db, finish } = await before(8);
    await db.pool.query(`INSERT INTO documents (id, title, version) OVERRIDING SYSTEM VALUE VALUES (1, 'gaps', 3), (2, 'dense', 5);
      INSERT INTO pairs (id, document_id, idx, noise, state) OVERRIDING SYSTEM VALUE VALUES
        (10, 1, 2000000000, 0, 20), (11, 1, -7, 0, 20), (12, 1, 2, 0, 20), (13, 1, 0, 0, 20), (14, 1, 1, 0, 20),
        (20, 2, 0, 0, 10), (21, 2, 1, 0, 10);`);
    await finish();
    const order = async (doc: number) => (await db.pool.query('SELECT id, idx FROM pairs WHERE document_id = $1 ORDER BY idx', [doc])).rows;
    expect(await order(1)).toEqual([11, 13, 14, 12, 10].map((id, idx) => ({ id, idx })));
    expect(await order(2)).toEqual([20, 21].map((id, idx) => ({ id, idx })));
    expect((await db.pool.query('SELECT id, version FROM documents ORDER BY id')).rows).toEqual([{ id: 1, version: 4 }, { id: 2, version: 5 }]);
  });

  it('when pairs were imported as approved or rejected before 009 then they become translated claims; states given here stay', async () => {
    const { db, finish } = await before(9);
    await db.pool.query(`INSERT INTO users (id, name, role, password_hash) OVERRIDING SYSTEM VALUE VALUES (1, 'rita', 'reviewer', 'h'), (2, 'wang', 'reviewer', 'h');
      INSERT INTO documents (id, title) OVERRIDING SYSTEM VALUE VALUES (1, 'd');
      INSERT INTO pairs (id, document_id, idx, noise, state, last_editor_id) OVERRIDING SYSTEM VALUE VALUES
        (10, 1, 0, 0, 30, 1), (11, 1, 1, 0, 25, NULL), (12, 1, 2, 0, 30, 2), (13, 1, 3, 0, 25, 2), (14, 1, 4, 0, 10, NULL);
      INSERT INTO revisions (document_id, pair_id, version, author_id, action, old_text, new_text, old_state, new_state, comment) VALUES
        (1, 11, 1, NULL, 'reject', '', '', NULL, 25, 'from the file'), (1, 12, 2, 2, 'approve', '', '', 20, 30, NULL),
        (1, 13, 2, 2, 'reject', '', '', 20, 25, 'here');`);
    await finish();
    expect((await db.pool.query('SELECT id, state, last_editor_id, imported_state, imported_editor FROM pairs ORDER BY id')).rows).toEqual([
      { id: 10, state: 20, last_editor_id: null, imported_state: 30, imported_editor: 'rita' },
      { id: 11, state: 20, last_editor_id: null, imported_state: 25, imported_editor: null },
      { id: 12, state: 30, last_editor_id: 2, imported_state: null, imported_editor: null },
      { id: 13, state: 25, last_editor_id: 2, imported_state: null, imported_editor: null },
      { id: 14, state: 10, last_editor_id: null, imported_state: null, imported_editor: null },
    ]);
  });

  it('when the offline gloss drafted pairs before 022 then they become gloss drafts; machine text from files or engines stays machine', async () => {
    const { db, finish } = await before(22);
    await db.pool.query(`INSERT INTO documents (id, title) OVERRIDING SYSTEM VALUE VALUES (7, 'd');
      INSERT INTO pairs (id, document_id, idx, noise, state, mt_text, tgt_text) OVERRIDING SYSTEM VALUE VALUES
        (70, 7, 0, 0, 10, 'Ding Xuexiang attend.', 'Ding Xuexiang attend.'), (71, 7, 1, 0, 20, 'Talk friendly.', 'The talks were friendly.'),
        (72, 7, 2, 0, 10, 'He said.', 'He said.'), (73, 7, 3, 0, 10, 'Imported.', 'Imported.');
      INSERT INTO revisions (document_id, pair_id, version, action, old_text, new_text, old_state, new_state, comment) VALUES
        (7, 70, 2, 'mt', '', 'Ding Xuexiang attend.', 0, 10, 'mt:gloss:1:0'), (7, 71, 2, 'mt', '', 'Talk friendly.', 0, 10, 'mt:gloss'),
        (7, 71, 3, 'save', 'Talk friendly.', 'The talks were friendly.', 10, 20, NULL),
        (7, 72, 2, 'mt', '', 'He said.', 0, 10, 'mt:libretranslate');`);
    await finish();
    expect((await db.pool.query('SELECT id, mt_kind FROM pairs ORDER BY id')).rows).toEqual([
      { id: 70, mt_kind: 'gloss' }, { id: 71, mt_kind: 'gloss' }, { id: 72, mt_kind: 'mt' }, { id: 73, mt_kind: 'mt' }]);
    await expect(db.pool.query("UPDATE pairs SET mt_kind = 'guess' WHERE id = 70")).rejects.toThrow(/pairs_mt_kind_valid/);
  });

  it('when sessions kept in clear and glossary entries exist before 027 then the sessions end and the entries stay, without an author', async () => {
    const { db, finish } = await before(27);
    await db.pool.query(`INSERT INTO users (id, name, role, password_hash) OVERRIDING SYSTEM VALUE VALUES (1, 'lin', 'translator', 'h');
      INSERT INTO sessions (id, user_id, csrf_token, expires_at) VALUES ('session-kept-in-clear', 1, 't', now() + interval '1 day');
      INSERT INTO glossary_terms (id, zh, en) OVERRIDING SYSTEM VALUE VALUES (5, '旧词', 'old term');`);
    await finish();
    expect((await db.pool.query('SELECT count(*)::int AS n FROM sessions')).rows).toEqual([{ n: 0 }]);
    expect((await db.pool.query('SELECT id, zh, added_by FROM glossary_terms')).rows).toEqual([{ id: 5, zh: '旧词', added_by: null }]);
  });

  it('when login counters are in flight before 014 then each keeps its count, the start of its window and its lock', async () => {
    const { db, finish } = await before(14);
    await db.pool.query(`INSERT INTO login_counters (key, failures, locked_until, last_at) VALUES
      ('a:lin', '[1000,2000,3000]', 9000, 3000), ('i:1.2.3.4', '[]', 0, 500)`);
    await finish();
    expect((await db.pool.query('SELECT key, failures, window_start, locked_until, last_at FROM login_counters ORDER BY key')).rows).toEqual([
      { key: 'a:lin', failures: 3, window_start: 1000, locked_until: 9000, last_at: 3000 },
      { key: 'i:1.2.3.4', failures: 1, window_start: 500, locked_until: 0, last_at: 500 },
    ]);
  });
});
