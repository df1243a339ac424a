// The kept pages of rows never differ from what SQLite holds, whatever mix of saves, reviews, machine
// translation, alignment edits and undos happened between two views.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import { pairsRepo } from '../../server/db/pairs-repo.ts';
import { importDemoCorpus } from '../../server/services/import-document.ts';
import { defaultAligner } from '../../server/services/workbench.ts';
import { alignmentEditing } from '../../server/services/alignment-editing.ts';
import { postEditing } from '../../server/services/post-editing.ts';
import { documents } from '../../server/services/documents.ts';
import { documentRows } from '../../server/services/document-rows.ts';
import { workspace, type RowFilter } from '../../server/services/workspace.ts';
import { inReadScope } from '../../server/services/read-scope.ts';
import type { Store } from '../../server/db/store.ts';
import { postEditEffort } from '../../server/domain/edit-distance.ts';
import { memoRow } from '../../views/row-memo.ts';
import { glossary } from '../../server/services/glossary.ts';
import { pairRow } from '../../views/pair-row.ts';
import type { ViewContext } from '../../views/view-context.ts';

const ctx: ViewContext = { t: (key, options) => (options ? `${key}${JSON.stringify(options)}` : key), lang: 'en', csrfToken: '', user: null, path: '/' };
/** The rows' markup as the page shows it: from the long-lived workspace and its kept markup, or from a fresh one. */
const markup = async (w: ReturnType<typeof workspace>, doc: number, offset: number, limit: number) =>
  (await w.read((s) => w.rows(s, doc, {}, offset, limit))).map((r) => memoRow(pairRow, ctx, doc, r).toString());
/** The kept pages, each call in a read transaction of its own, as a request reads them. */
function keptRows(store: Store, limits?: { perDocument: number; total: number; revised: number }) {
  const pages = documentRows(limits);
  return {
    page: (doc: number, offset: number, limit: number) => inReadScope(store, (s) => pages.page(s, doc, offset, limit)),
    all: (doc: number) => inReadScope(store, (s) => pages.all(s, doc)),
  };
}
const rowsOf = (w: ReturnType<typeof workspace>, doc: number, filter: RowFilter, offset: number, limit: number) => w.read((s) => w.rows(s, doc, filter, offset, limit));
import { accounts } from '../../server/services/accounts.ts';
import type { Aligner } from '../../server/domain/assemble-pairs.ts';

let align: Aligner;
beforeAll(() => {
  align = defaultAligner();
});

const step = fc.oneof(
  fc.record({ kind: fc.constant('view' as const), offset: fc.nat(30), limit: fc.integer({ min: 1, max: 12 }) }),
  // A filtered view reads the whole kept document.
  fc.record({ kind: fc.constant('filtered' as const), filter: fc.constantFrom({ qa: 'any' as const }, { state: 'translated' as const }, { q: '合作' }) }),
  fc.record({ kind: fc.constant('save' as const), row: fc.nat(30), text: fc.constantFrom('公正与正义 fairness', 'Edited “again” 𠀀.', '') }),
  fc.record({ kind: fc.constant('approve' as const), row: fc.nat(30) }),
  fc.record({ kind: fc.constant('merge' as const), row: fc.nat(25) }),
  fc.record({ kind: fc.constant('split' as const), row: fc.nat(25) }),
  fc.constant({ kind: 'undo' as const }),
  // A glossary term changes other rows' flags without touching their texts.
  fc.record({ kind: fc.constant('glossary' as const), term: fc.constantFrom(['双方', 'the two sides'], ['合作', 'collaboration'], ['会见', 'meeting']) }),
  // A second process's write: the same database through another connection.
  fc.record({ kind: fc.constant('outside' as const), row: fc.nat(30) }),
);

describe('kept pages of rows and document figures', () => {
  it('when any sequence of edits happens between views then every view equals a fresh read from SQLite', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
      const db = openDatabase(':memory:');
      const store = sqliteStore(db);
      const lin = await accounts(store).createUser('lin', 'reviewer', 'password-123');
      const doc = await importDemoCorpus({ store, align });
      const docs = documents(store);
      // Limits small enough that reading a whole document drops what was kept of the other one, and that a few saves
      // between two views start the document's cache again.
      const other = await importDemoCorpus({ store, align });
      const pages = keptRows(store, { perDocument: 60, total: 70, revised: 2 });
      const work = workspace(store);
      const editing = postEditing(store);
      const alignment = alignmentEditing(store, () => align);
      const version = async () => (await alignment.view(doc)).version;
      const rowAt = async (i: number) => {
        const all = (await docs.pairs(doc)).filter((p) => !p.noise);
        return all[i % all.length]!;
      };
      const tolerate = async (run: () => Promise<unknown>) => {
        try {
          await run();
        } catch (err) {
          if (![400, 409].includes((err as { status?: number }).status ?? 0)) throw err;
        }
      };
      for (const s of steps) {
        if (s.kind === 'view') {
          expect(await pages.page(doc, s.offset, s.limit)).toEqual(await docs.pairs(doc, s.offset, s.limit));
          // The kept markup equals what a workspace with nothing kept renders.
          expect(await markup(work, doc, s.offset, s.limit)).toEqual(await markup(workspace(store), doc, s.offset, s.limit));
          // The counts and effort kept between views equal the summary query and a recomputation from every pair.
          const overview = await work.read((s) => work.overview(s, doc));
          expect(overview.doc).toEqual(await docs.get(doc));
          const worked = (await docs.pairs(doc)).filter((p) => !p.noise && p.mt !== '' && (p.state ?? 0) >= 20);
          const expected = postEditEffort(worked.map((p) => ({ mt: p.mt, final: p.tgt, seconds: p.editSeconds })));
          // Sums in another order may differ in the last bits.
          expect(overview.effort.meanHter).toBeCloseTo(expected.meanHter, 12);
          expect({ ...overview.effort, meanHter: 0 }).toEqual({ ...expected, meanHter: 0 });
        } else if (s.kind === 'filtered') {
          expect(await pages.all(doc)).toEqual(await docs.pairs(doc));
          expect(await pages.page(other, 0, 20)).toEqual(await docs.pairs(other, 0, 20));
          const rows = await rowsOf(work, doc, s.filter, 0, 1000);
          expect(rows).toEqual(await rowsOf(workspace(store), doc, s.filter, 0, 1000));
        } else if (s.kind === 'save') {
          const p = await rowAt(s.row);
          await tolerate(() => editing.act(lin, p.id, { action: 'save', version: p.version, text: s.text, seconds: 3 }, doc));
        } else if (s.kind === 'approve') {
          const p = await rowAt(s.row);
          await tolerate(() => editing.act(lin, p.id, { action: 'approve', version: p.version, seconds: 1 }, doc));
        } else if (s.kind === 'merge' || s.kind === 'split') {
          const op = s.kind === 'merge' ? { kind: 'merge', row: s.row } : { kind: 'split', row: s.row, srcAt: 1, tgtAt: 1 };
          await tolerate(async () => alignment.apply(lin, doc, await version(), op));
        } else if (s.kind === 'glossary') {
          await glossary(store).add(lin, s.term[0]!, s.term[1]!);
        } else if (s.kind === 'undo') {
          await tolerate(async () => alignment.undo(lin, doc, await version()));
        } else {
          // Through the repositories directly, as another process's code would write, not through this store's services.
          const p = await rowAt(s.row);
          const pairs = pairsRepo(db);
          db.transaction(() => {
            pairs.update(p.id, p.version, `${p.tgt}!`, p.state ?? 0, lin.id, 0);
            pairs.insertRevision({ pairId: p.id, version: p.version + 1, authorId: lin.id, action: 'save', oldText: p.tgt, newText: `${p.tgt}!`,
              oldState: p.state, newState: p.state, comment: null, seconds: 0 });
          }).immediate();
        }
      }
      for (let offset = 0; offset < 60; offset += 7) expect(await pages.page(doc, offset, 7)).toEqual(await docs.pairs(doc, offset, 7));
      db.close();
    }), { numRuns: 40 });
  });

  it('when a glossary term is added then rows already shown get its flag: kept rows and markup follow the glossary', async () => {
    const store = sqliteStore(openDatabase(':memory:'));
    const doc = await importDemoCorpus({ store, align });
    const work = workspace(store);
    const lin = await accounts(store).createUser('lin', 'translator', 'password-123');
    const flagged = (rows: { flags: { code: string }[] }[]) => rows.filter((r) => r.flags.some((f) => f.code === 'glossary')).length;
    expect(flagged(await rowsOf(work, doc, {}, 0, 100))).toBe(0);
    const before = await markup(work, doc, 0, 100);
    await glossary(store).add(lin, '合作', 'collaboration');
    expect(flagged(await rowsOf(work, doc, {}, 0, 100))).toBeGreaterThan(0);
    const after = await markup(work, doc, 0, 100);
    expect(after).toEqual(await markup(workspace(store), doc, 0, 100));
    expect(after).not.toEqual(before);
    await store.close();
  });

  it('when the whole document is read after a short last page, a save and another document then it is every row, unchanged ones kept', async () => {
    const store = sqliteStore(openDatabase(':memory:'));
    const lin = await accounts(store).createUser('lin', 'translator', 'password-123');
    const doc = await importDemoCorpus({ store, align });
    const other = await importDemoCorpus({ store, align });
    const docs = documents(store);
    const pages = keptRows(store, { perDocument: 100, total: 50, revised: 1_000 });
    const count = (await docs.pairs(doc)).length;
    // The last page tells where the document ends while only its rows are kept.
    await pages.page(doc, count - 3, 10);
    const first = await pages.all(doc);
    expect(first).toEqual(await docs.pairs(doc));
    const edited = first.find((p) => !p.noise && p.index > 0)!;
    await postEditing(store).act(lin, edited.id, { action: 'save', version: edited.version, text: 'Kept “rows” 𠀀.', seconds: 2 }, doc);
    const second = await pages.all(doc);
    expect(second).toEqual(await docs.pairs(doc));
    expect(second.filter((p, i) => p !== first[i]).map((p) => p.id)).toEqual([edited.id]);
    // Past the total the document read least recently is dropped, and read again whole when asked.
    await pages.all(other);
    const third = await pages.all(doc);
    expect(third).toEqual(await docs.pairs(doc));
    expect(third[0]).not.toBe(second[0]);
    await store.close();
  });

  it('when the document does not exist then it answers 404 like a fresh read', async () => {
    const store = sqliteStore(openDatabase(':memory:'));
    await expect(keptRows(store).page(999, 0, 10)).rejects.toThrow(/no document 999/);
  });
});
