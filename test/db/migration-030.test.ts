// Migration 030 stores each English sentence's line break; documents aligned before it get the breaks the editor read
// from their rows' English then (machine text first, as imported; else the current text), on both databases.

import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../server/db/migrate.ts';
import { applyPostgresMigrations, readPostgresMigrations } from '../../server/db/postgres/migrate.ts';
import { createTestDatabase, describePostgres, type TestDatabase } from '../support/postgres.ts';

// Pair 70: a subtitle cue of two lines. 71: two sentences on one line. 72: a person typed a line break into machine text
// joined by a space, which stays their edit. 73: a row whose machine text is gone, its English on two lines. 74: a noise row.
const BEFORE = [
  "INSERT INTO documents (id, title) VALUES (7, '字幕')",
  "INSERT INTO sources (id, document_id, side, name, content) VALUES (1, 7, 'src', 'zh.srt', ''), (2, 7, 'tgt', 'en.srt', '')",
  `INSERT INTO pairs (id, document_id, idx, noise, state, mt_text, tgt_text) VALUES
    (70, 7, 0, 0, 10, 'I went.' || char(10) || 'I bought a book.', 'I went.' || char(10) || 'I bought a book.'),
    (71, 7, 1, 0, 10, 'It rained. We stayed.', 'It rained. We stayed.'),
    (72, 7, 2, 0, 20, 'He said. It was good.', 'He said.' || char(10) || 'It was good.'),
    (73, 7, 3, 0, 20, '', 'Yes.' || char(10) || 'No.'),
    (74, 7, 4, 1, NULL, '', '')`,
  `INSERT INTO segments (id, document_id, pair_id, source_id, side, idx, text, paragraph, start_offset, end_offset, noise) VALUES
    (700, 7, 70, 2, 'tgt', 0, 'I went.', 0, 0, 7, 0), (701, 7, 70, 2, 'tgt', 1, 'I bought a book.', 0, 8, 24, 0),
    (710, 7, 71, 2, 'tgt', 2, 'It rained.', 1, 0, 10, 0), (711, 7, 71, 2, 'tgt', 3, 'We stayed.', 1, 11, 21, 0),
    (720, 7, 72, 2, 'tgt', 4, 'He said.', 2, 0, 8, 0), (721, 7, 72, 2, 'tgt', 5, 'It was good.', 2, 9, 21, 0),
    (730, 7, 73, 2, 'tgt', 6, 'Yes.', 3, 0, 4, 0), (731, 7, 73, 2, 'tgt', 7, 'No.', 3, 5, 8, 0),
    (740, 7, 74, 2, 'tgt', 8, 'Advert', 4, 0, 6, 1)`,
];
const AFTER = [[700, 0], [701, 1], [710, 0], [711, 0], [720, 0], [721, 0], [730, 0], [731, 1], [740, 0]].map(([id, lineBefore]) => ({ id, line_before: lineBefore }));
const READ = 'SELECT id, line_before FROM segments ORDER BY id';

describe('migration 030 on SQLite', () => {
  it('when English sentences were stored before it then each one after a line break of its row is marked so, a person\'s typed break not', () => {
    const db = new Database(':memory:');
    const all = readMigrations();
    applyMigrations(db, all.filter((m) => m.version < 30));
    for (const sql of BEFORE) db.exec(sql);
    applyMigrations(db, all);
    expect(db.prepare(READ).all()).toEqual(AFTER);
    expect(() => db.prepare('UPDATE segments SET line_before = 2 WHERE id = 700').run()).toThrow(/segments_line_before_bool/);
  });
});

describePostgres('migration 030 on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  it('when English sentences were stored before it then each one after a line break of its row is marked so, a person\'s typed break not', async () => {
    const all = readPostgresMigrations();
    await applyPostgresMigrations(db.pool, all.filter((m) => m.version < 30));
    // Ids are identity columns there, given here as on SQLite.
    for (const sql of BEFORE) await db.pool.query(sql.replaceAll('char(10)', 'chr(10)').replace(') VALUES', ') OVERRIDING SYSTEM VALUE VALUES'));
    await applyPostgresMigrations(db.pool, all);
    expect((await db.pool.query(READ)).rows.map((r) => ({ ...r, id: Number(r.id) }))).toEqual(AFTER);
    await expect(db.pool.query('UPDATE segments SET line_before = 2 WHERE id = 700')).rejects.toThrow(/segments_line_before_bool/);
  });
});
