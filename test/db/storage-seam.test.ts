// The store is the seam: only server/db and the composition roots know the driver, and its transactions hold.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { openStore, sqliteStore } from '../../server/db/sqlite-store.ts';
import type { Store } from '../../server/db/store.ts';
import { postEditing } from '../../server/services/post-editing.ts';
import { accounts, type User } from '../../server/services/accounts.ts';
import { StaleVersionError } from '../../server/domain/review-workflow.ts';
import { insertDocument } from '../support/insert-document.ts';
import { tempDir } from '../support/test-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DRIVER = /from '(better-sqlite3|[./]*(server\/)?db\/open-database\.ts|[./]*(server\/)?db\/(sqlite-store|backup-database)\.ts)'/;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

describe('the storage seam', () => {
  it('when the code outside server/db is read then no service, route, view or HTTP helper names the driver or its factory', () => {
    const offenders = ['server/services', 'server/routes', 'server/http', 'views']
      .flatMap(sources).filter((file) => DRIVER.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('when the CLI and the work threads are read then they open the store by its factory and never the driver', () => {
    const offenders = ['server/cli', 'server/threads'].flatMap(sources)
      .filter((file) => /from '(better-sqlite3|[./]*db\/open-database\.ts)'/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('store transactions', () => {
  let dir: string;
  let stores: Store[];
  let user: User;
  let pairId: number;

  beforeEach(async () => {
    dir = tempDir('duiqi-store-');
    const file = path.join(dir, 'duiqi.sqlite');
    const db = openDatabase(file);
    pairId = insertDocument(db, '存储', [{ zh: '双方还就朝鲜半岛局势交换了意见。', en: 'The two sides exchanged views.' }]).pairIds[0]!;
    db.close();
    // Two stores on one file, as two server processes have.
    stores = [openStore(file), openStore(file)];
    user = await accounts(stores[0]!).createUser('lin', 'reviewer', 'correct horse 12');
  });

  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when two stores race a versioned save from the same version then exactly one wins and the other gets 409', async () => {
    const results = await Promise.allSettled(stores.map((store, i) =>
      postEditing(store).act(user, pairId, { action: 'save', version: 1, text: `Text of writer ${i}.` })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(StaleVersionError);
    expect((refused[0]!.reason as StaleVersionError).status).toBe(409);
    const stored = await postEditing(stores[1]!).find(pairId);
    expect(stored.version).toBe(2);
    expect((await postEditing(stores[0]!).history(pairId)).map((r) => r.version)).toEqual([2]);
  });

  it('when a write callback throws after writing then nothing of it is stored, though it saw its own writes', async () => {
    const store = stores[0]!;
    await expect(store.write(async (tx) => {
      await tx.glossary.upsert('会见', 'meeting', null, null);
      expect(await tx.glossary.count()).toBe(1);
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    expect(await store.read((tx) => tx.glossary.count())).toBe(0);
  });

  it('when several requests of one process write at once then each transaction runs whole, one after another', async () => {
    const store = stores[0]!;
    const order: string[] = [];
    await Promise.all(['a', 'b', 'c'].map((name) => store.write(async (tx) => {
      order.push(`${name} begins`);
      await tx.glossary.upsert(`词${name}`, name, null, null);
      await new Promise((r) => setImmediate(r));
      order.push(`${name} ends`);
    })));
    expect(order).toEqual(['a begins', 'a ends', 'b begins', 'b ends', 'c begins', 'c ends']);
    expect(await store.read((tx) => tx.glossary.count())).toBe(3);
  });

  it('when a database is in memory then the store says it has no file for a work thread', () => {
    expect(sqliteStore(openDatabase(':memory:')).address).toBeUndefined();
  });
});
