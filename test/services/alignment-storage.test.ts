import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import { importDemoCorpus } from '../../server/services/import-document.ts';
import { defaultAligner } from '../../server/services/workbench.ts';
import { alignmentEditing } from '../../server/services/alignment-editing.ts';
import { accounts, type User } from '../../server/services/accounts.ts';
import type { Aligner } from '../../server/domain/assemble-pairs.ts';

let align: Aligner;
beforeAll(() => {
  align = defaultAligner();
});

/** What the stored document must always be: contiguous numbering, every segment on a live pair, noise kept. */
function storageInvariants(db: Db, documentId: number) {
  const gaps = (sql: string) => db.prepare(sql).all(documentId) as { n: number; m: number | null }[];
  const pairRuns = gaps('SELECT count(*) n, max(idx) m FROM pairs WHERE document_id = ?');
  const segRuns = gaps("SELECT count(*) n, max(idx) m FROM segments WHERE document_id = ? GROUP BY side");
  return {
    integrity: db.prepare('PRAGMA integrity_check').pluck().get(),
    foreignKeys: db.prepare('PRAGMA foreign_key_check').all().length,
    pairsContiguous: pairRuns.every((r) => r.n === (r.m ?? -1) + 1),
    segmentsContiguous: segRuns.every((r) => r.n === (r.m ?? -1) + 1),
    emptyPairs: db.prepare('SELECT count(*) FROM pairs p WHERE document_id = ? AND NOT EXISTS (SELECT 1 FROM segments s WHERE s.pair_id = p.id) AND p.tgt_text = \'\' AND p.mt_text = \'\'').pluck().get(documentId),
    noise: db.prepare("SELECT group_concat(text, '|') FROM (SELECT s.text FROM segments s JOIN pairs p ON p.id = s.pair_id WHERE p.document_id = ? AND p.noise = 1 ORDER BY p.idx)").pluck().get(documentId),
    // Each side's segments in order, noise texts among the sentences: where every noise row stands in the page's text.
    sides: db.prepare("SELECT side, group_concat(text, '|') t FROM (SELECT side, text FROM segments WHERE document_id = ? ORDER BY side, idx) GROUP BY side").all(documentId),
    // Sentences read in document order on each side give the side's text back.
    order: db.prepare("SELECT side, group_concat(text, '') t FROM (SELECT s.side, s.text FROM segments s JOIN pairs p ON p.id = s.pair_id WHERE p.document_id = ? AND p.noise = 0 ORDER BY s.side, s.idx) GROUP BY side").all(documentId),
  };
}

const strip = (rows: { src: { text: string }[]; tgt: { text: string }[]; tgtText: string; state: number }[]) =>
  rows.map((r) => ({ src: r.src.map((s) => s.text), tgt: r.tgt.map((s) => s.text), tgtText: r.tgtText, state: r.state }));

describe('alignment edits stored in SQLite', () => {
  it('when random operations are applied, undone and redone then the stored document stays consistent and comes back, noise rows in place', async () => {
    const ops = fc.array(fc.oneof(
      fc.record({ kind: fc.constantFrom('moveUp', 'moveDown'), side: fc.constantFrom('src', 'tgt'), row: fc.nat(25) }),
      fc.record({ kind: fc.constantFrom('shiftDown', 'shiftUp'), side: fc.constantFrom('src', 'tgt', 'both'), row: fc.nat(25) }),
      fc.record({ kind: fc.constant('merge'), row: fc.nat(25) }),
      fc.record({ kind: fc.constant('split'), row: fc.nat(25), srcAt: fc.nat(2), tgtAt: fc.nat(2) }),
      fc.record({ kind: fc.constant('joinSentences'), side: fc.constantFrom('src', 'tgt'), row: fc.nat(25), sentence: fc.nat(1) }),
      fc.record({ kind: fc.constant('splitSentence'), side: fc.constantFrom('src', 'tgt'), row: fc.nat(25), sentence: fc.nat(1), offset: fc.nat(40) }),
      fc.record({ kind: fc.constant('confirmAbove'), row: fc.nat(25) }),
      fc.constant({ kind: 'realign' }),
    ), { minLength: 1, maxLength: 8 });
    await fc.assert(fc.asyncProperty(ops, async (list) => {
      const db = openDatabase(':memory:');
      const store = sqliteStore(db);
      const user: User = await accounts(store).createUser('lin', 'translator', 'password-123');
      const id = await importDemoCorpus({ store, align });
      const editing = alignmentEditing(store, () => align);
      const version = async () => (await editing.view(id)).version;
      const original = storageInvariants(db, id);
      const start = strip((await editing.view(id)).rows);
      // The page as a reader sees it: the rows, and each noise row where it stands among them.
      const page = async () => {
        const { rows, noise } = await editing.view(id);
        return { rows: strip(rows), noise };
      };
      const startPage = await page();
      let applied = 0;
      for (const op of list) {
        try {
          const before = await version();
          // An operation that changed nothing leaves no undo step.
          if ((await editing.apply(user, id, before, op)).version !== before) applied++;
        } catch (err) {
          if ((err as { status?: number }).status !== 400) throw err;
        }
        const now = storageInvariants(db, id);
        expect(now).toMatchObject({ integrity: 'ok', foreignKeys: 0, pairsContiguous: true, segmentsContiguous: true, noise: original.noise });
      }
      const done = { page: await page(), stored: storageInvariants(db, id) };
      for (let i = 0; i < applied; i++) await editing.undo(user, id, await version());
      expect(strip((await editing.view(id)).rows)).toEqual(start);
      expect(await page()).toEqual(startPage);
      expect(storageInvariants(db, id)).toEqual(original);
      for (let i = 0; i < applied; i++) await editing.redo(user, id, await version());
      expect(await page()).toEqual(done.page);
      expect(storageInvariants(db, id)).toEqual(done.stored);
      db.close();
    }), { numRuns: 60 });
  });
});

describe('realigning a page with headlines', () => {
  it('when the whole demo is realigned with nothing confirmed then the headline rows stay as the headline list paired them', async () => {
    const db = openDatabase(':memory:');
    const store = sqliteStore(db);
    const user: User = await accounts(store).createUser('lin', 'translator', 'password-123');
    const id = await importDemoCorpus({ store, align });
    // An aligner that joins whatever it is given into one bead: anything it is handed gets merged, so the
    // headline rows survive only if realign never hands them over.
    const greedy: Aligner = (src, tgt) => [{ src: src.map((_, i) => i), tgt: tgt.map((_, i) => i), score: 0.5 }];
    const editing = alignmentEditing(store, () => greedy);
    const version = async () => (await editing.view(id)).version;
    const headlineRows = async () => (await editing.view(id)).rows
      .map((r, index) => ({ index, src: r.src.map((s) => s.text), tgt: r.tgt.map((s) => s.text), headline: [...r.src, ...r.tgt].some((s) => s.kind === 'headline') }))
      .filter((r) => r.headline);
    const before = await headlineRows();
    expect(before.length).toBeGreaterThanOrEqual(5);
    // The two Chinese headlines the page left untranslated are rows of their own.
    for (const zh of ['金灿荣教授 精华精选', '黑超哥 精选精华']) expect(before).toContainEqual(expect.objectContaining({ src: [zh], tgt: [] }));
    await editing.apply(user, id, await version(), { kind: 'realign' });
    expect(await headlineRows()).toEqual(before);
    // An undo restores a deleted headline sentence as a headline, not as an article sentence.
    await editing.apply(user, id, await version(), { kind: 'merge', row: before[0]!.index });
    await editing.undo(user, id, await version());
    expect(await headlineRows()).toEqual(before);
    db.close();
  });
});
