// Guarantees stated in SQL on PostgreSQL, where writers really run at once: each case holds two or more transactions
// open on their own connections and interleaves them.

import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { accountsRepo } from '../../server/db/postgres/accounts-repo.ts';
import { alignmentRepo } from '../../server/db/postgres/alignment-repo.ts';
import { documentsRepo } from '../../server/db/postgres/documents-repo.ts';
import { loginCounters } from '../../server/db/postgres/login-counters-repo.ts';
import { applyPostgresMigrations, readPostgresMigrations } from '../../server/db/postgres/migrate.ts';
import { pairsRepo } from '../../server/db/postgres/pairs-repo.ts';
import { applyOperation } from '../../server/domain/align-ops.ts';
import { createTestDatabase, describePostgres, type TestDatabase } from '../support/postgres.ts';

let db: TestDatabase;
let documentId: number;
let pairIds: number[];

/** A transaction left open on a connection of its own, so that a test can interleave several. */
async function begin() {
  const client = await db.pool.connect();
  await client.query('BEGIN');
  return {
    client,
    commit: async () => {
      await client.query('COMMIT');
      client.release();
    },
  };
}

/** Whether `promise` is still waiting after `ms`: the sign that a lock holds it. */
const stillWaiting = (promise: Promise<unknown>, ms = 300) =>
  Promise.race([promise.then(() => false, () => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), ms))]);

async function insertDocument(sql: pg.ClientBase | pg.Pool) {
  const documents = documentsRepo(sql);
  const id = await documents.insertDocument({ title: '并发', srcLang: 'zh-CN', tgtLang: 'en', sourceName: null, pageDate: null, createdBy: null });
  const src = await documents.insertSource(id, 'src', 'zh.txt', '一。二。三。');
  const tgt = await documents.insertSource(id, 'tgt', 'en.txt', 'One. Two. Three.');
  await documents.insertPairs(id, ['一。', '二。', '三。'].map((zh, i) => ({
    score: 1, noise: false, state: 10, mtText: ['One.', 'Two.', 'Three.'][i]!,
    segments: [{ side: 'src', sourceId: src, idx: i, text: zh, kind: 'sentence', paragraph: 0, start: i * 2, end: i * 2 + 2 },
      { side: 'tgt', sourceId: tgt, idx: i, text: ['One.', 'Two.', 'Three.'][i]!, kind: 'sentence', paragraph: 0, start: 0, end: 4 }],
  })));
  return { id, pairIds: (await documents.pairs(id)).map((p) => p.pair.id) };
}

describePostgres('concurrent writers on PostgreSQL', () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    await applyPostgresMigrations(db.pool, readPostgresMigrations());
  });
  afterAll(async () => db?.drop());
  beforeEach(async () => {
    ({ id: documentId, pairIds } = await insertDocument(db.pool));
  });

  it('when two transactions save one pair from the same version then the second waits, then changes nothing', async () => {
    const a = await begin();
    const b = await begin();
    expect(await pairsRepo(a.client).update(pairIds[0]!, 1, 'By A.', 20, null, 0)).toBe(true);
    const byB = pairsRepo(b.client).update(pairIds[0]!, 1, 'By B.', 20, null, 0);
    expect(await stillWaiting(byB)).toBe(true);
    await a.commit();
    expect(await byB).toBe(false);
    await b.commit();
    expect(await pairsRepo(db.pool).pair(pairIds[0]!)).toMatchObject({ tgt_text: 'By A.', version: 2 });
  });

  it('when five alignment edits claim one version at once then exactly one gets it', async () => {
    const claims = await Promise.all([1, 2, 3, 4, 5].map(async () => {
      const t = await begin();
      const claimed = await alignmentRepo(t.client).claimVersion(documentId, 1);
      await t.commit();
      return claimed;
    }));
    expect(claims.filter((c) => c === 2)).toHaveLength(1);
    expect(claims.filter((c) => c === undefined)).toHaveLength(4);
    expect(await alignmentRepo(db.pool).documentVersion(documentId)).toBe(2);
  });

  it('when forty failed logins of one account arrive at once then each is counted once', async () => {
    const counters = loginCounters(db.pool);
    const counts = await Promise.all(Array.from({ length: 40 }, (_, i) => counters.fail('a:lin', 1000 + i, 60_000)));
    expect([...counts].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    // Whichever failure got in first opened the window.
    const counter = (await counters.get('a:lin'))!;
    expect(counter.failures).toBe(40);
    expect(counter.windowStart).toBeGreaterThanOrEqual(1000);
    expect(counter.windowStart).toBeLessThan(1040);
  });

  it('when a save and an alignment edit of one document cross then they queue on the document instead of deadlocking', async () => {
    const save = await begin();
    const pairs = pairsRepo(save.client);
    expect(await pairs.update(pairIds[1]!, 1, 'Saved.', 20, null, 0)).toBe(true);
    // The alignment edit merges the saved row: it must wait for the save, not take the document and then wait for the row.
    const align = await begin();
    const edit = (async () => {
      const alignment = alignmentRepo(align.client);
      const version = await alignment.claimVersion(documentId, 1);
      const loaded = await alignment.load(documentId);
      let fresh = 0;
      await alignment.write(documentId, loaded, applyOperation(loaded.rows, { kind: 'merge', row: 0 }, { newKey: () => `n${fresh++}` }));
      return version;
    })();
    expect(await stillWaiting(edit)).toBe(true);
    await pairs.insertRevision({ pairId: pairIds[1]!, version: 2, authorId: null, action: 'save', oldText: 'Two.', newText: 'Saved.',
      oldState: 10, newState: 20, comment: null, seconds: 0 });
    await save.commit();
    expect(await edit).toBe(2);
    await align.commit();
    const stored = await documentsRepo(db.pool).pairs(documentId);
    expect(stored.map((p) => p.pair.tgt_text)).toEqual(['One. Saved.', 'Three.']);
  });

  it('when the only two admins demote or deactivate each other at once then the second waits, then is refused', async () => {
    let made = 0;
    const admin = async (name: string) => accountsRepo(db.pool).insertUser(`${name}-${++made}`, 'admin', 'scrypt$x');
    for (const [first, second] of [
      [(sql: pg.ClientBase, id: number) => accountsRepo(sql).setRole(id, 'translator'), (sql: pg.ClientBase, id: number) => accountsRepo(sql).setRole(id, 'reviewer')],
      [(sql: pg.ClientBase, id: number) => accountsRepo(sql).deactivate(id, '2026-12-04T05:00:00.000Z'),
        (sql: pg.ClientBase, id: number) => accountsRepo(sql).setRole(id, 'translator')],
    ] as const) {
      // Every other admin of earlier cases steps down first, so these two are the last.
      await db.pool.query("UPDATE users SET role = 'translator' WHERE role = 'admin'");
      const [lin, mei] = [await admin('lin'), await admin('mei')];
      const a = await begin();
      const b = await begin();
      expect(await first(a.client, lin)).toBe(1);
      const other = second(b.client, mei);
      expect(await stillWaiting(other)).toBe(true);
      await a.commit();
      expect(await other).toBe(0);
      await b.commit();
      const { rows } = await db.pool.query("SELECT count(*) AS n FROM users WHERE role = 'admin' AND deactivated_at IS NULL");
      expect(rows[0].n).toBe(1);
    }
  });
});
