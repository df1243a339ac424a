// The work threads: imports on another connection, and writers on this thread held back while one writes.

import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import { workPool } from '../../server/threads/work-pool.ts';
import { accounts } from '../../server/services/accounts.ts';
import { postEditing } from '../../server/services/post-editing.ts';
import { insertDocument } from '../support/insert-document.ts';
import { tempDir } from '../support/test-server.ts';
import { generate } from '../bench/big-document.ts';
import { parseReplaceQuery } from '../../server/domain/replace-text.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('workPool', () => {
  it('when a thread imports then saves here that await writeLockFree never meet its write lock', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = openDatabase(path.join(dir, 'duiqi.sqlite'));
    const store = sqliteStore(db);
    const user = await accounts(store).createUser('lin', 'translator', 'password-123');
    const { pairIds: [pair] } = insertDocument(db, 'saved meanwhile', [{ zh: '中韩两国是近邻。', en: 'China and South Korea are close neighbours.' }]);
    // No busy wait at all: a save that met the thread's lock would throw SQLITE_BUSY at once.
    db.pragma('busy_timeout = 0');
    const pool = workPool(store.address, 1);
    const texts = generate(2000);
    const utf8 = (s: string) => new TextEncoder().encode(s);
    let done = false;
    const importing = pool.importUpload({ source: { name: 'a.zh.txt', bytes: utf8(texts.zh) }, translation: { name: 'a.en.txt', bytes: utf8(texts.en) }, createdBy: null })
      .finally(() => {
        done = true;
      });
    let version = 1;
    let saves = 0;
    let held = 0;
    while (!done) {
      const asked = performance.now();
      await pool.writeLockFree();
      if (performance.now() - asked > 20) held++;
      version = (await postEditing(store).act(user, pair!, { action: 'save', version, text: `Saved ${saves++} times.` })).version;
      await new Promise((r) => setTimeout(r, 2));
    }
    const { id } = await importing;
    expect(db.prepare('SELECT count(*) FROM pairs WHERE document_id = ?').pluck().get(id)).toBeGreaterThan(1000);
    expect(held).toBeGreaterThan(0);
    expect(version).toBe(saves + 1);
    await pool.close();
    await store.close();
  });

  it('when every thread runs an import then a search preview gets a thread beside it and answers before the imports, which keep their order', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = openDatabase(path.join(dir, 'duiqi.sqlite'));
    const store = sqliteStore(db);
    const { documentId } = insertDocument(db, '预览', [{ zh: '中韩两国是近邻。', en: 'China and South Korea are close neighbours.' }]);
    const pool = workPool(store.address, 1);
    const texts = generate(2000);
    const utf8 = (s: string) => new TextEncoder().encode(s);
    const order: string[] = [];
    const upload = { source: { name: 'a.zh.txt', bytes: utf8(texts.zh) }, translation: { name: 'a.en.txt', bytes: utf8(texts.en) }, createdBy: null };
    const imports = [pool.importUpload(upload).then(() => order.push('import 1')), pool.importUpload(upload).then(() => order.push('import 2'))];
    const preview = pool.planReplace(documentId, parseReplaceQuery({ find: 'neighbours', replace: 'neighbors' }))
      .then((planned) => (order.push('preview'), planned));
    expect((await preview).plan.changes).toHaveLength(1);
    await Promise.all(imports);
    expect(order).toEqual(['preview', 'import 1', 'import 2']);
    await pool.close();
    await store.close();
  }, 120_000);

  it('when the database is in memory then it says a work thread cannot open it', () => {
    expect(() => workPool(sqliteStore(openDatabase(':memory:')).address)).toThrow(/database file/);
  });
});
