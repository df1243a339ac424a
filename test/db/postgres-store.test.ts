// The store on PostgreSQL running the real use cases: transactions commit or roll back whole, and concurrent requests
// through it keep the guarantees the SQL states (one of two saves from one version wins, the other is a 409).

import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { openPostgresStore, postgresStore } from '../../server/db/postgres/postgres-store.ts';
import { openPostgres } from '../../server/db/postgres/connect.ts';
import type { Store } from '../../server/db/store.ts';
import { accounts, type User } from '../../server/services/accounts.ts';
import { alignmentEditing } from '../../server/services/alignment-editing.ts';
import { postEditing } from '../../server/services/post-editing.ts';
import { searchReplace } from '../../server/services/search-replace.ts';
import { editBatches } from '../../server/services/edit-batch.ts';
import { parseReplaceQuery } from '../../server/domain/replace-text.ts';
import type { Aligner } from '../../server/domain/assemble-pairs.ts';
import { createTestDatabase, describePostgres, type TestDatabase } from '../support/postgres.ts';

let db: TestDatabase;
let store: Store;
let user: User;

const noAligner = (): Aligner => () => {
  throw new Error('no realign in this test');
};

async function insertDocument(title: string, texts: { zh: string; en: string }[]) {
  return store.write(async (tx) => {
    const id = await tx.documents.insertDocument({ title, srcLang: 'zh-CN', tgtLang: 'en', sourceName: null, pageDate: null, createdBy: null });
    const src = await tx.documents.insertSource(id, 'src', 'zh.txt', texts.map((t) => t.zh).join(''));
    const tgt = await tx.documents.insertSource(id, 'tgt', 'en.txt', texts.map((t) => t.en).join(' '));
    await tx.documents.insertPairs(id, texts.map((t, i) => ({ score: 1, noise: false, state: 10, mtText: t.en, segments: [
      { side: 'src' as const, sourceId: src, idx: i, text: t.zh, kind: 'sentence' as const, paragraph: 0, start: 0, end: t.zh.length },
      { side: 'tgt' as const, sourceId: tgt, idx: i, text: t.en, kind: 'sentence' as const, paragraph: 0, start: 0, end: t.en.length }] })));
    return { id, pairIds: (await tx.documents.pairs(id)).map((p) => p.pair.id) };
  });
}

const TEXTS = [{ zh: '一。', en: 'One.' }, { zh: '二。', en: 'Two.' }, { zh: '三。', en: 'Three.' }];

describePostgres('the store on PostgreSQL', () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.close();
    store = await openPostgresStore(db.url);
    user = await accounts(store).createUser('lin', 'reviewer', 'correct horse 12');
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('when a write throws then nothing of it is stored; a transaction begun inside another is refused, before or after the outer one awaits', async () => {
    await expect(store.write(async (tx) => {
      await tx.glossary.upsert('中国', 'China', null, null);
      throw new Error('half-way');
    })).rejects.toThrow('half-way');
    expect(await store.read((tx) => tx.glossary.count())).toBe(0);
    await expect(store.write(async (tx) => {
      await tx.glossary.upsert('中国', 'China', null, null);
      await store.write((inner) => inner.glossary.upsert('北京', 'Beijing', null, null));
    })).rejects.toThrow(/write transaction cannot begin inside another/);
    expect(await store.read((tx) => tx.glossary.count())).toBe(0);
    await expect(store.read(() => store.write((tx) => tx.glossary.count()))).rejects.toThrow(/inside another/);
    await expect(store.read(async (tx) => Promise.all([tx.glossary.count(), store.read((inner) => inner.glossary.count())]))).rejects.toThrow(/inside another/);
    // One after the other, and side by side, they run as usual.
    await store.write((tx) => tx.glossary.upsert('北京', 'Beijing', null, null));
    expect(await Promise.all([1, 2, 3].map(() => store.read((tx) => tx.glossary.count())))).toEqual([1, 1, 1]);
  });

  it('when every connection is busy then a write, and a glance for a request that changes something, get the next one before waiting reads', async () => {
    const single = postgresStore(openPostgres(db.url, 1));
    try {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const order: string[] = [];
      const holder = single.read(async (tx) => {
        await tx.glossary.count();
        await held;
      });
      await new Promise((r) => setTimeout(r, 50));
      const waiting = [
        single.read((tx) => tx.glossary.count()).then(() => order.push('read')),
        single.glance((tx) => tx.glossary.count()).then(() => order.push('glance')),
        single.write((tx) => tx.glossary.count()).then(() => order.push('write')),
        single.glance((tx) => tx.glossary.count(), { first: true }).then(() => order.push('glance for a change')),
      ];
      release();
      await Promise.all([holder, ...waiting]);
      expect(order).toEqual(['write', 'glance for a change', 'read', 'glance']);
    } finally {
      await single.close();
    }
  });

  it('when not strict (in service) then the nesting check runs on a sample of transactions and still refuses a nested one within 32', async () => {
    const strict = process.env.DUIQI_STRICT_TRANSACTIONS;
    process.env.DUIQI_STRICT_TRANSACTIONS = '0';
    vi.resetModules();
    const fresh = await import('../../server/db/postgres/postgres-store.ts');
    process.env.DUIQI_STRICT_TRANSACTIONS = strict;
    const sampled = fresh.postgresStore(openPostgres(db.url, 4));
    try {
      const outcomes = [];
      for (let i = 0; i < 32; i++) {
        outcomes.push(await sampled.read(() => sampled.read((tx) => tx.glossary.count())).then(() => 'ran', (e: Error) => e.message));
      }
      const refused = outcomes.filter((o) => o !== 'ran');
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(refused.length).toBeLessThan(32);
      expect(refused[0]).toMatch(/cannot begin inside another/);
    } finally {
      await sampled.close();
    }
  });

  it('when a statement with values runs on a connection then it is prepared there once and run by name after (a glance of the same text included); one without values is not', async () => {
    // One connection, so the statements the store ran are that connection's prepared ones.
    const pool = openPostgres(db.url, 1);
    const single = postgresStore(pool);
    try {
      const prepared = async () => (await pool.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements')).rows.map((r) => r.statement);
      const before = await prepared();
      for (let i = 0; i < 3; i++) await single.read((tx) => tx.documents.header(1));
      await single.read((tx) => tx.glossary.count());
      await single.glance((tx) => tx.documents.header(2));
      const added = (await prepared()).filter((text) => !before.includes(text));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatch(/FROM documents WHERE id = \$1/);
    } finally {
      await single.close();
    }
  });

  it('when a glance throws then the error reaches the caller and the connection serves the next read', async () => {
    const pool = openPostgres(db.url, 1);
    const single = postgresStore(pool);
    try {
      await expect(single.glance(async (tx) => {
        await tx.glossary.count();
        throw new Error('mid-glance');
      })).rejects.toThrow('mid-glance');
      expect(await single.read((tx) => tx.glossary.count())).toBeGreaterThanOrEqual(0);
    } finally {
      await single.close();
    }
  });

  it('when two saves of one pair from the same version arrive at once then one is stored and the other is a 409', async () => {
    const { pairIds } = await insertDocument('并发保存', TEXTS);
    const editing = postEditing(store);
    const results = await Promise.allSettled(['By A.', 'By B.'].map((text) => editing.act(user, pairIds[0]!, { action: 'save', version: 1, text })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 409 });
    const history = await editing.history(pairIds[0]!);
    expect(history).toHaveLength(1);
  });

  it('when two alignment edits from the same version arrive at once then one is applied, the other is a 409, and undo restores the rows', async () => {
    const { id } = await insertDocument('并发对齐', TEXTS);
    const editing = alignmentEditing(store, noAligner);
    const results = await Promise.allSettled([0, 1].map((row) => editing.apply(user, id, 1, { kind: 'merge', row })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
    const rows = async () => (await store.read((tx) => tx.alignment.load(id))).rows.map((r) => r.src.map((s) => s.text).join(''));
    expect(await rows()).toHaveLength(2);
    await editing.undo(user, id, 2);
    expect(await rows()).toEqual(['一。', '二。', '三。']);
  });

  it('when a replacement races saves of its rows, and two undos race each other, then no write is lost and the batch is undone once', async () => {
    const { id, pairIds } = await insertDocument('并发替换', TEXTS);
    const replace = searchReplace(store);
    const q = parseReplaceQuery({ find: 'e', replace: 'E' });
    const seen = new Map((await replace.preview(id, q)).changes.map((c) => [c.id, c.version]));
    const editing = postEditing(store);
    const [applied, saved] = await Promise.all([replace.apply(user, id, q, seen), editing.act(user, pairIds[2]!, { action: 'save', version: 1, text: 'Three, saved.' })
      .then(() => true, (e: { status: number }) => e.status)]);
    const texts = async () => (await store.read((tx) => tx.batches.documentTexts(id))).map((r) => r.tgt_text);
    // Whichever wrote pair 3 first, the other found its version moved: the save is a 409, or the row is stale.
    expect(saved === true ? applied.stale : [saved]).toEqual(saved === true ? [2] : [409]);
    expect((await texts())[2]).toBe(saved === true ? 'Three, saved.' : 'ThrEE.');
    const batches = editBatches(store);
    const undos = await Promise.allSettled([batches.undo(user, id, applied.batchId), batches.undo(user, id, applied.batchId)]);
    expect(undos.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((undos.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ status: 409, key: 'batches.alreadyUndone' });
    expect((await texts()).slice(0, 2)).toEqual(['One.', 'Two.']);
  });
});
