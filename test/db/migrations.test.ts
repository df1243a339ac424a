import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { documentsRepo } from '../../server/db/documents-repo.ts';
import { applyMigrations, readMigrations } from '../../server/db/migrate.ts';

describe('migrations', () => {
  it('when an in-memory database is migrated then every migration is applied in order and recorded', () => {
    const db = new Database(':memory:');
    const migrations = readMigrations();
    expect(migrations[0]).toMatchObject({ version: 1, name: 'initial' });
    expect(migrations.map((m) => m.version)).toEqual([...migrations.map((m) => m.version)].sort((a, b) => a - b));
    expect(applyMigrations(db, migrations)).toEqual(migrations.map((m) => m.version));
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(migrations.map((m) => m.version));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'api_tokens', 'documents', 'sources', 'pairs', 'segments', 'revisions', 'glossary_terms', 'tm_units', 'alignment_ops']));
  });

  it('when migrations run twice then the second run applies nothing', () => {
    const db = new Database(':memory:');
    applyMigrations(db, readMigrations());
    expect(applyMigrations(db, readMigrations())).toEqual([]);
  });

  it('when a migration fails then it leaves neither its tables nor its record', () => {
    const db = new Database(':memory:');
    const bad = [{ version: 1, name: 'half', sql: 'CREATE TABLE t1 (x); CREATE TABLE t1 (y);' }];
    expect(() => applyMigrations(db, bad)).toThrow(/already exists/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 't1'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(0);
  });

  it('when a newer duiqi migrated the database then it is refused, saying which migration, and nothing is applied', () => {
    const db = new Database(':memory:');
    const all = readMigrations();
    applyMigrations(db, all);
    db.prepare("INSERT INTO schema_migrations (version, name) VALUES (999, 'from-the-future')").run();
    const known = all.at(-1)!.version;
    expect(() => applyMigrations(db, all)).toThrow(`it was migrated by a newer duiqi (migration 999; this one knows up to ${known})`);
    expect(() => applyMigrations(db, all.filter((m) => m.version < known))).toThrow(/migration 999/);
  });

  it('when a row breaks a named constraint then SQLite refuses it', () => {
    const db = new Database(':memory:');
    applyMigrations(db, readMigrations());
    expect(() => db.prepare("INSERT INTO users (name, role, password_hash) VALUES ('x', 'boss', 'h')").run()).toThrow(/users_role_valid/);
    db.prepare("INSERT INTO documents (title) VALUES ('d')").run();
    expect(() => db.prepare('INSERT INTO pairs (document_id, idx, noise, state) VALUES (1, 0, 0, 15)').run()).toThrow(/pairs_state_valid/);
  });
});

describe('migration 003', () => {
  it('when revisions exist before it then they survive with their document, and outlive a deleted pair', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const all = readMigrations();
    applyMigrations(db, all.filter((m) => m.version < 3));
    db.exec(`INSERT INTO documents (id, title) VALUES (7, '文档');
      INSERT INTO pairs (id, document_id, idx, noise, state, tgt_text) VALUES (70, 7, 0, 0, 20, 'Edited.');
      INSERT INTO revisions (pair_id, version, action, old_text, new_text) VALUES (70, 2, 'save', 'MT.', 'Edited.');`);
    applyMigrations(db, all);
    expect(db.prepare('SELECT document_id, pair_id, new_text FROM revisions').get()).toEqual({ document_id: 7, pair_id: 70, new_text: 'Edited.' });
    db.prepare('DELETE FROM pairs WHERE id = 70').run();
    expect(db.prepare('SELECT document_id, pair_id, new_text FROM revisions').get()).toEqual({ document_id: 7, pair_id: null, new_text: 'Edited.' });
  });
});

describe('migration 008', () => {
  it('when an imported document kept gaps, negative or huge indexes then its pairs are renumbered 0…n-1 in order', () => {
    const db = new Database(':memory:');
    const all = readMigrations();
    applyMigrations(db, all.filter((m) => m.version < 8));
    db.exec(`INSERT INTO documents (id, title, version) VALUES (1, 'gaps', 3), (2, 'dense', 5);
      INSERT INTO pairs (id, document_id, idx, noise, state) VALUES
        (10, 1, 1e20, 0, 20), (11, 1, -7, 0, 20), (12, 1, 2, 0, 20), (13, 1, 0, 0, 20), (14, 1, 1, 0, 20),
        (20, 2, 0, 0, 10), (21, 2, 1, 0, 10);`);
    applyMigrations(db, all);
    const order = (doc: number) => db.prepare('SELECT id, idx, typeof(idx) AS t FROM pairs WHERE document_id = ? ORDER BY idx').all(doc);
    expect(order(1)).toEqual([11, 13, 14, 12, 10].map((id, idx) => ({ id, idx, t: 'integer' })));
    expect(order(2)).toEqual([20, 21].map((id, idx) => ({ id, idx, t: 'integer' })));
    expect(db.prepare('SELECT id, version FROM documents ORDER BY id').all()).toEqual([{ id: 1, version: 4 }, { id: 2, version: 5 }]);
  });
});

describe('migration 009', () => {
  it('when pairs were imported as approved or rejected before it then they become translated claims; states given here stay', () => {
    const db = new Database(':memory:');
    const all = readMigrations();
    applyMigrations(db, all.filter((m) => m.version < 9));
    db.exec(`INSERT INTO users (id, name, role, password_hash) VALUES (1, 'rita', 'reviewer', 'h'), (2, 'wang', 'reviewer', 'h');
      INSERT INTO documents (id, title) VALUES (1, 'd');
      INSERT INTO pairs (id, document_id, idx, noise, state, last_editor_id) VALUES
        (10, 1, 0, 0, 30, 1), (11, 1, 1, 0, 25, NULL), (12, 1, 2, 0, 30, 2), (13, 1, 3, 0, 25, 2), (14, 1, 4, 0, 10, NULL);
      INSERT INTO revisions (document_id, pair_id, version, author_id, action, old_text, new_text, old_state, new_state, comment) VALUES
        (1, 11, 1, NULL, 'reject', '', '', NULL, 25, 'from the file'), (1, 12, 2, 2, 'approve', '', '', 20, 30, NULL),
        (1, 13, 2, 2, 'reject', '', '', 20, 25, 'here');`);
    applyMigrations(db, all);
    expect(db.prepare('SELECT id, state, last_editor_id, imported_state, imported_editor FROM pairs ORDER BY id').all()).toEqual([
      { id: 10, state: 20, last_editor_id: null, imported_state: 30, imported_editor: 'rita' },
      { id: 11, state: 20, last_editor_id: null, imported_state: 25, imported_editor: null },
      { id: 12, state: 30, last_editor_id: 2, imported_state: null, imported_editor: null },
      { id: 13, state: 25, last_editor_id: 2, imported_state: null, imported_editor: null },
      { id: 14, state: 10, last_editor_id: null, imported_state: null, imported_editor: null },
    ]);
  });
});

describe('migration 012', () => {
  it('when revisions exist before it then they survive with their ids, and "clear" and "restore" become valid actions', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const all = readMigrations();
    applyMigrations(db, all.filter((m) => m.version < 12));
    db.exec(`INSERT INTO documents (id, title) VALUES (7, '文档');
      INSERT INTO pairs (id, document_id, idx, noise, state, tgt_text) VALUES (70, 7, 0, 0, 20, 'Edited.');
      INSERT INTO revisions (id, document_id, pair_id, version, action, old_text, new_text, new_state) VALUES (41, 7, 70, 2, 'approve', 'MT.', 'Edited.', 30);`);
    expect(() => db.exec("INSERT INTO revisions (document_id, pair_id, version, action, old_text, new_text) VALUES (7, 70, 3, 'clear', 'Edited.', '')")).toThrow(/revisions_action_valid/);
    applyMigrations(db, all.filter((m) => m.version <= 12));
    expect(db.prepare('SELECT id, pair_id, new_text FROM revisions').get()).toEqual({ id: 41, pair_id: 70, new_text: 'Edited.' });
    db.exec("INSERT INTO revisions (document_id, pair_id, version, action, old_text, new_text) VALUES (7, 70, 3, 'clear', 'Edited.', '')");
    db.exec("INSERT INTO revisions (document_id, pair_id, version, action, old_text, new_text) VALUES (7, 70, 4, 'restore', '', 'Edited.')");
    expect(() => db.exec("INSERT INTO revisions (document_id, pair_id, version, action, old_text, new_text) VALUES (7, 70, 5, 'wipe', '', '')")).toThrow(/revisions_action_valid/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'revisions' ORDER BY name").pluck().all())
      .toEqual(['revisions_approval', 'revisions_document', 'revisions_pair_version']);
  });
});

describe('migration 013', () => {
  it('when it runs then documents count revisions from 0, old revisions keep no document revision, and the memory counter starts', () => {
    const db = new Database(':memory:');
    const all = readMigrations();
    applyMigrations(db, all.filter((m) => m.version < 13));
    db.exec(`INSERT INTO documents (id, title) VALUES (7, '文档');
      INSERT INTO pairs (id, document_id, idx, noise, state, tgt_text) VALUES (70, 7, 0, 0, 30, 'Approved.');
      INSERT INTO revisions (id, document_id, pair_id, version, action, old_text, new_text, new_state) VALUES (41, 7, 70, 2, 'approve', 'MT.', 'Approved.', 30);`);
    applyMigrations(db, all.filter((m) => m.version <= 13));
    expect(db.prepare('SELECT revision FROM documents WHERE id = 7').pluck().get()).toBe(0);
    expect(db.prepare('SELECT doc_revision FROM revisions WHERE id = 41').pluck().get()).toBeNull();
    expect(db.prepare("SELECT value FROM change_counters WHERE name = 'memory'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'revisions' ORDER BY name").pluck().all())
      .toEqual(['revisions_document', 'revisions_document_revision', 'revisions_pair_version']);
  });
});

describe('migration 014', () => {
  it('when counters are in flight then each keeps its count, the start of its window and its lock', () => {
    const db = new Database(':memory:');
    const all = readMigrations();
    applyMigrations(db, all.filter((m) => m.version < 14));
    db.exec("INSERT INTO login_counters (key, failures, locked_until, last_at) VALUES ('a:lin', '[1000,2000,3000]', 9000, 3000)");
    applyMigrations(db, all);
    expect(db.prepare('SELECT key, failures, window_start, locked_until, last_at FROM login_counters').get())
      .toEqual({ key: 'a:lin', failures: 3, window_start: 1000, locked_until: 9000, last_at: 3000 });
  });
});

describe('migration 016', () => {
  it('when rejections with comments exist before it then each becomes an open thread of one comment, linked to its revision', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const all = readMigrations();
    applyMigrations(db, all.filter((m) => m.version < 16));
    db.exec(`INSERT INTO users (id, name, role, password_hash) VALUES (3, 'wang', 'reviewer', 'h');
      INSERT INTO documents (id, title) VALUES (7, '文档');
      INSERT INTO pairs (id, document_id, idx, noise, state, tgt_text) VALUES (70, 7, 0, 0, 25, 'Text.');
      INSERT INTO revisions (id, document_id, pair_id, version, author_id, action, old_text, new_text, comment, created_at) VALUES
        (1, 7, 70, 2, 3, 'reject', 'Text.', 'Text.', 'Wrong term.', '2026-01-01T00:00:00.000Z'),
        (2, 7, 70, 3, 3, 'reject', 'Text.', 'Text.', 'Still wrong.', '2026-01-01T00:00:00.000Z'),
        (3, 7, 70, 4, 3, 'reject', 'Text.', 'Text.', '  ', '2026-01-01T00:00:00.000Z'),
        (4, 7, 70, 5, 3, 'save', 'Text.', 'Text!', NULL, '2026-01-01T00:00:00.000Z');`);
    applyMigrations(db, all);
    expect(db.prepare(`SELECT t.revision_id, t.pair_id, t.created_by, t.resolved_at, t.category, c.body, c.author_id
      FROM comment_threads t JOIN thread_comments c ON c.thread_id = t.id ORDER BY t.id`).all()).toEqual([
      { revision_id: 1, pair_id: 70, created_by: 3, resolved_at: null, category: null, body: 'Wrong term.', author_id: 3 },
      { revision_id: 2, pair_id: 70, created_by: 3, resolved_at: null, category: null, body: 'Still wrong.', author_id: 3 },
    ]);
    expect(() => db.prepare("INSERT INTO comment_threads (document_id, pair_id, category) VALUES (7, 70, 'style')").run()).toThrow(/comment_threads_error_whole/);
  });
});

describe('migration 017', () => {
  it('when it runs then every document stays on the working shelf and new documents take ids past the purged ones', () => {
    const db = new Database(':memory:');
    const all = readMigrations();
    applyMigrations(db, all.filter((m) => m.version < 17));
    db.exec("INSERT INTO documents (id, title) VALUES (3, '旧文档')");
    applyMigrations(db, all);
    expect(db.prepare('SELECT archived_at, trashed_at, trashed_by, changed_at FROM documents WHERE id = 3').get())
      .toEqual({ archived_at: null, trashed_at: null, trashed_by: null, changed_at: null });
    db.prepare("INSERT INTO purged_documents (id, title, purged_at) VALUES (9, 'gone', '2026-12-04T00:00:00.000Z')").run();
    const id = documentsRepo(db).insertDocument({ title: 'new', srcLang: 'zh-CN', tgtLang: 'en', sourceName: null, pageDate: null, createdBy: null });
    expect(id).toBe(10);
  });
});

describe('migration 018', () => {
  it('when users and tokens exist before it then the users stay active without a one-time password, and the tokens keep working unnamed', () => {
    const db = new Database(':memory:');
    const all = readMigrations();
    applyMigrations(db, all.filter((m) => m.version < 18));
    db.exec(`INSERT INTO users (id, name, role, password_hash) VALUES (1, 'rita', 'admin', 'h');
      INSERT INTO api_tokens (user_id, token_hash) VALUES (1, 'abc');`);
    applyMigrations(db, all);
    expect(db.prepare('SELECT deactivated_at, last_login_at, must_change_password FROM users').get())
      .toEqual({ deactivated_at: null, last_login_at: null, must_change_password: 0 });
    expect(db.prepare('SELECT name FROM api_tokens').pluck().get()).toBeNull();
    expect(() => db.prepare('UPDATE users SET must_change_password = 2').run()).toThrow(/users_must_change_bool/);
  });
});

describe('migration 022', () => {
  it('when the offline gloss drafted pairs before it then they become gloss drafts; machine text from files or engines stays machine', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const all = readMigrations();
    applyMigrations(db, all.filter((m) => m.version < 22));
    db.exec(`INSERT INTO documents (id, title) VALUES (7, '文档');
      INSERT INTO pairs (id, document_id, idx, noise, state, mt_text, tgt_text) VALUES
        (70, 7, 0, 0, 10, 'Ding Xuexiang attend.', 'Ding Xuexiang attend.'), (71, 7, 1, 0, 20, 'Talk friendly.', 'The talks were friendly.'),
        (72, 7, 2, 0, 10, 'He said.', 'He said.'), (73, 7, 3, 0, 10, 'Imported.', 'Imported.');
      INSERT INTO revisions (document_id, pair_id, version, action, old_text, new_text, old_state, new_state, comment) VALUES
        (7, 70, 2, 'mt', '', 'Ding Xuexiang attend.', 0, 10, 'mt:gloss:1:0'), (7, 71, 2, 'mt', '', 'Talk friendly.', 0, 10, 'mt:gloss'),
        (7, 71, 3, 'save', 'Talk friendly.', 'The talks were friendly.', 10, 20, NULL),
        (7, 72, 2, 'mt', '', 'He said.', 0, 10, 'mt:libretranslate');`);
    applyMigrations(db, all);
    expect(db.prepare('SELECT id, mt_kind FROM pairs ORDER BY id').all()).toEqual([
      { id: 70, mt_kind: 'gloss' }, { id: 71, mt_kind: 'gloss' }, { id: 72, mt_kind: 'mt' }, { id: 73, mt_kind: 'mt' }]);
    expect(() => db.prepare("UPDATE pairs SET mt_kind = 'guess' WHERE id = 70").run()).toThrow(/pairs_mt_kind_valid/);
  });
});

describe('migration 019', () => {
  it('when pairs and memory units exist before it then the concordance holds their texts, each pair\'s Chinese joined in order', () => {
    const db = new Database(':memory:');
    const all = readMigrations();
    applyMigrations(db, all.filter((m) => m.version < 19));
    db.exec(`INSERT INTO documents (id, title) VALUES (7, '文档');
      INSERT INTO sources (id, document_id, side, name, content) VALUES (1, 7, 'src', 'zh.txt', '');
      INSERT INTO pairs (id, document_id, idx, noise, state, tgt_text) VALUES (70, 7, 0, 0, 20, 'Share the results of cooperation.');
      INSERT INTO segments (document_id, pair_id, source_id, side, idx, text, paragraph, start_offset, end_offset) VALUES
        (7, 70, 1, 'src', 1, '合作成果。', 0, 0, 0), (7, 70, 1, 'src', 0, '共享', 0, 0, 0);
      INSERT INTO tm_units (id, src, tgt, origin) VALUES (5, '扩大合作', 'expand cooperation', 'memory.tmx');`);
    applyMigrations(db, all);
    expect(db.prepare('SELECT pair_id, tm_unit_id, src, tgt FROM concordance_texts ORDER BY id').all()).toEqual([
      { pair_id: 70, tm_unit_id: null, src: '共享合作成果。', tgt: 'Share the results of cooperation.' },
      { pair_id: null, tm_unit_id: 5, src: '扩大合作', tgt: 'expand cooperation' }]);
    expect(db.prepare(`SELECT c.pair_id FROM concordance_index f JOIN concordance_texts c ON c.id = f.rowid
      WHERE concordance_index MATCH '"享合作"'`).pluck().all()).toEqual([70]);
  });
});

describe('migration 023', () => {
  it('when revisions and threads linked to them exist before it then both survive with their ids and links, and "source" becomes an action', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const all = readMigrations();
    applyMigrations(db, all.filter((m) => m.version < 23));
    db.exec(`INSERT INTO users (id, name, role, password_hash) VALUES (3, 'wang', 'reviewer', 'h');
      INSERT INTO documents (id, title) VALUES (7, '文档');
      INSERT INTO pairs (id, document_id, idx, noise, state, tgt_text) VALUES (70, 7, 0, 0, 25, 'Text.');
      INSERT INTO edit_batches (id, document_id, author_id, kind, summary) VALUES (9, 7, 3, 'replace', '{}');
      INSERT INTO revisions (id, document_id, doc_revision, pair_id, version, author_id, action, old_text, new_text, comment, batch_id) VALUES
        (41, 7, 5, 70, 2, 3, 'reject', 'Text.', 'Text.', 'Wrong term.', NULL), (42, 7, 6, 70, 3, 3, 'save', 'Text.', 'Text!', NULL, 9);
      INSERT INTO comment_threads (id, document_id, pair_id, revision_id, created_by) VALUES (1, 7, 70, 41, 3);`);
    applyMigrations(db, all);
    expect(db.prepare('SELECT id, doc_revision, action, batch_id, source_change FROM revisions ORDER BY id').all()).toEqual([
      { id: 41, doc_revision: 5, action: 'reject', batch_id: null, source_change: null }, { id: 42, doc_revision: 6, action: 'save', batch_id: 9, source_change: null }]);
    expect(db.prepare('SELECT revision_id FROM comment_threads WHERE id = 1').pluck().get()).toBe(41);
    expect(db.prepare('SELECT src_changed FROM pairs WHERE id = 70').pluck().get()).toBe(0);
    db.exec(`INSERT INTO revisions (document_id, pair_id, version, action, old_text, new_text, source_change) VALUES (7, 70, 4, 'source', 'Text!', 'Text!', '{}')`);
    expect(() => db.exec("INSERT INTO revisions (document_id, pair_id, version, action, old_text, new_text) VALUES (7, 70, 5, 'source', '', '')")).toThrow(/revisions_source_change/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'revisions' ORDER BY name").pluck().all())
      .toEqual(['revisions_batch', 'revisions_document', 'revisions_document_revision', 'revisions_document_time', 'revisions_pair_version']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
