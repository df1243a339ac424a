// Requests interleave on PostgreSQL: one reads its snapshot while another saves and reads a newer one. The kept
// rows and figures must then stay correct (no row of an older snapshot kept under a newer revision) and kept (a
// request that read an older snapshot neither starts the cache again nor moves it back). SQLite runs one
// transaction at a time per process, so only PostgreSQL can show this.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgres } from '../../server/db/postgres/connect.ts';
import { postgresStore } from '../../server/db/postgres/postgres-store.ts';
import { applyPostgresMigrations, readPostgresMigrations } from '../../server/db/postgres/migrate.ts';
import type { StatementTally, Store, Tx } from '../../server/db/store.ts';
import type { User } from '../../server/services/accounts.ts';
import { accounts } from '../../server/services/accounts.ts';
import { documents } from '../../server/services/documents.ts';
import { documentRows } from '../../server/services/document-rows.ts';
import { documentFigures } from '../../server/services/document-figures.ts';
import { postEditing } from '../../server/services/post-editing.ts';
import { readScope, inReadScope, type ReadScope } from '../../server/services/read-scope.ts';
import { storeDocument } from '../support/insert-document.ts';
import { createTestDatabase, describePostgres, type TestDatabase } from '../support/postgres.ts';

let db: TestDatabase;
let store: Store;
let user: User;
const tally: StatementTally = { statements: 0 };

/** A point where a read waits, once it got there, until released. */
function gate() {
  let release!: () => void;
  let reached!: () => void;
  const open = new Promise<void>((r) => (release = r));
  const arrived = new Promise<void>((r) => (reached = r));
  return { release, arrived, wait: async () => (reached(), await open) };
}

describePostgres('kept rows and figures under interleaved requests', () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    await applyPostgresMigrations(db.pool, readPostgresMigrations());
    store = postgresStore(openPostgres(db.url, 4, tally), db.url);
    user = await accounts(store).createUser('lin', 'reviewer', 'correct horse 12');
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const newDocument = async () => (await storeDocument(store, '交错 interleaved', Array.from({ length: 30 }, (_, i) => ({
    zh: `第${i}句：双方交换了意见。`, en: `Sentence ${i}: the two sides exchanged views.`,
  })))).documentId;
  const save = async (doc: number, row: number, text: string) => {
    const p = (await documents(store).pairs(doc, row, 1))[0]!;
    await postEditing(store).act(user, p.id, { action: 'save', version: p.version, text, seconds: 3 }, doc);
  };

  it('when a request that read an older snapshot finishes after one that read a newer then the kept rows stay, and equal a fresh read', async () => {
    const doc = await newDocument();
    const pages = documentRows();
    const view = () => inReadScope(store, (s) => pages.page(s, doc, 0, 30));
    const warm = await view();
    await save(doc, 3, 'Third, “saved” first 𠀀.');
    const g = gate();
    // A reads its document generation (its snapshot: the first save), then waits while another save and view run.
    const older = store.read((tx) => {
      const s = readScope(tx);
      const generation = s.generation;
      return pages.page({ ...s, generation: async (id) => { const v = await generation(id); await g.wait(); return v; } }, doc, 0, 30);
    });
    await g.arrived;
    await save(doc, 5, 'Fifth, saved second.');
    const newer = await view();
    g.release();
    const seen = await older;
    expect(seen[3]!.tgt).toBe('Third, “saved” first 𠀀.');
    expect(newer[5]!.tgt).toBe('Fifth, saved second.');
    const after = await view();
    expect(after).toEqual(await documents(store).pairs(doc, 0, 30));
    // Untouched rows are the very objects kept before: the cache was not started again.
    expect(after[10]).toBe(warm[10]);
    expect(after[20]).toBe(warm[20]);
  });

  it('when a later request moves the kept rows on while an older snapshot reads rows not kept yet then those rows are not kept', async () => {
    const doc = await newDocument();
    const pages = documentRows();
    const view = (offset: number, limit: number) => inReadScope(store, (s) => pages.page(s, doc, offset, limit));
    await view(0, 10);
    const g = gate();
    // A finds rows 10-19 not kept and reads them in its snapshot, taken before the save below.
    const older = store.read(async (tx) => {
      const s = readScope(tx);
      await s.generation(doc);
      const slowed = new Proxy(tx.documents, {
        get: (target, name) => (name === 'pairs' ? async (...args: Parameters<Tx['documents']['pairs']>) => (await g.wait(), target.pairs(...args)) : Reflect.get(target, name)),
      });
      const scope: ReadScope = { ...s, tx: Object.create(tx, { documents: { value: slowed } }) as Tx };
      return pages.page(scope, doc, 10, 10);
    });
    await g.arrived;
    await save(doc, 15, 'Fifteenth, saved while an older read ran.');
    await view(0, 10);
    g.release();
    expect((await older)[5]!.tgt).toBe('Sentence 15: the two sides exchanged views.');
    // Kept, row 15 of the older snapshot would be shown from now on.
    expect(await view(10, 10)).toEqual(await documents(store).pairs(doc, 10, 10));
    expect((await view(10, 10))[5]!.tgt).toBe('Fifteenth, saved while an older read ran.');
  });

  it('when a request that read an older snapshot finishes after one that read a newer then the kept figures are not moved back', async () => {
    const doc = await newDocument();
    const figures = documentFigures();
    const read = () => inReadScope(store, (s) => figures.of(s, doc));
    await read();
    await save(doc, 3, 'Third.');
    const g = gate();
    const older = store.read((tx) => {
      const s = readScope(tx);
      const generation = s.generation;
      return figures.of({ ...s, generation: async (id) => { const v = await generation(id); await g.wait(); return v; } }, doc);
    });
    await g.arrived;
    await save(doc, 5, 'Fifth.');
    const newer = await read();
    g.release();
    expect((await older).counts.counts.translated).toBeGreaterThanOrEqual(1);
    expect(newer.counts.counts.translated).toBe(2);
    // Nothing changed since the newer read: BEGIN, the generation, COMMIT, and no pairs read again.
    const before = tally.statements;
    expect((await read()).counts.counts.translated).toBe(2);
    expect(tally.statements - before).toBe(3);
  });
});
