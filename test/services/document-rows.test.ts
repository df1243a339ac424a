// The kept pages of rows never differ from what SQLite holds, whatever mix of saves, reviews, machine
// translation, alignment edits and undos happened between two views.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { importDemoCorpus } from '../../server/services/import-document.ts';
import { defaultAligner } from '../../server/services/workbench.ts';
import { alignmentEditing } from '../../server/services/alignment-editing.ts';
import { postEditing } from '../../server/services/post-editing.ts';
import { documents } from '../../server/services/documents.ts';
import { documentRows } from '../../server/services/document-rows.ts';
import { workspace } from '../../server/services/workspace.ts';
import { postEditEffort } from '../../server/domain/edit-distance.ts';
import { memoRow } from '../../views/row-memo.ts';
import { glossary } from '../../server/services/glossary.ts';
import { pairRow } from '../../views/pair-row.ts';
import type { ViewContext } from '../../views/view-context.ts';

const ctx: ViewContext = { t: (key, options) => (options ? `${key}${JSON.stringify(options)}` : key), lang: 'en', csrfToken: '', user: null, path: '/' };
/** The rows' markup as the page shows it: from the long-lived workspace and its kept markup, or from a fresh one. */
const markup = (w: ReturnType<typeof workspace>, doc: number, offset: number, limit: number) =>
  w.rows(doc, {}, offset, limit).map((r) => memoRow(pairRow, ctx, doc, r).toString());
import { accounts } from '../../server/services/accounts.ts';
import type { Aligner } from '../../server/domain/assemble-pairs.ts';

let align: Aligner;
beforeAll(() => {
  align = defaultAligner();
});

const step = fc.oneof(
  fc.record({ kind: fc.constant('view' as const), offset: fc.nat(30), limit: fc.integer({ min: 1, max: 12 }) }),
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
      const lin = await accounts(db).createUser('lin', 'reviewer', 'password-123');
      const doc = importDemoCorpus({ db, align });
      const docs = documents(db);
      const pages = documentRows(db);
      const work = workspace(db);
      const editing = postEditing(db);
      const alignment = alignmentEditing(db, () => align);
      const rowAt = (i: number) => {
        const all = docs.pairs(doc).filter((p) => !p.noise);
        return all[i % all.length]!;
      };
      const tolerate = (run: () => unknown) => {
        try {
          run();
        } catch (err) {
          if (![400, 409].includes((err as { status?: number }).status ?? 0)) throw err;
        }
      };
      for (const s of steps) {
        if (s.kind === 'view') {
          expect(pages.page(doc, s.offset, s.limit)).toEqual(docs.pairs(doc, s.offset, s.limit));
          // The kept markup equals what a workspace with nothing kept renders.
          expect(markup(work, doc, s.offset, s.limit)).toEqual(markup(workspace(db), doc, s.offset, s.limit));
          // The counts and effort kept between views equal the summary query and a recomputation from every pair.
          const overview = work.overview(doc);
          expect(overview.doc).toEqual(docs.get(doc));
          const worked = docs.pairs(doc).filter((p) => !p.noise && p.mt !== '' && (p.state ?? 0) >= 20);
          const expected = postEditEffort(worked.map((p) => ({ mt: p.mt, final: p.tgt, seconds: p.editSeconds })));
          // Sums in another order may differ in the last bits.
          expect(overview.effort.meanHter).toBeCloseTo(expected.meanHter, 12);
          expect({ ...overview.effort, meanHter: 0 }).toEqual({ ...expected, meanHter: 0 });
        } else if (s.kind === 'save') {
          const p = rowAt(s.row);
          tolerate(() => editing.act(lin, p.id, { action: 'save', version: p.version, text: s.text, seconds: 3 }, doc));
        } else if (s.kind === 'approve') {
          const p = rowAt(s.row);
          tolerate(() => editing.act(lin, p.id, { action: 'approve', version: p.version, seconds: 1 }, doc));
        } else if (s.kind === 'merge' || s.kind === 'split') {
          const op = s.kind === 'merge' ? { kind: 'merge', row: s.row } : { kind: 'split', row: s.row, srcAt: 1, tgtAt: 1 };
          tolerate(() => alignment.apply(lin, doc, alignment.view(doc).version, op));
        } else if (s.kind === 'glossary') {
          glossary(db).add(s.term[0]!, s.term[1]!);
        } else if (s.kind === 'undo') {
          tolerate(() => alignment.undo(lin, doc, alignment.view(doc).version));
        } else {
          const p = rowAt(s.row);
          db.prepare('UPDATE pairs SET tgt_text = tgt_text || \'!\', version = version + 1 WHERE id = ?').run(p.id);
          db.prepare(`INSERT INTO revisions (document_id, pair_id, version, author_id, action, old_text, new_text, old_state, new_state, seconds)
            VALUES (?, ?, ?, ?, 'save', '', '', 20, 20, 0)`).run(doc, p.id, p.version + 1, lin.id);
        }
      }
      for (let offset = 0; offset < 60; offset += 7) expect(pages.page(doc, offset, 7)).toEqual(docs.pairs(doc, offset, 7));
      db.close();
    }), { numRuns: 40 });
  });

  it('when a glossary term is added then rows already shown get its flag: kept rows and markup follow the glossary', () => {
    const db = openDatabase(':memory:');
    const doc = importDemoCorpus({ db, align });
    const work = workspace(db);
    const flagged = (rows: { flags: { code: string }[] }[]) => rows.filter((r) => r.flags.some((f) => f.code === 'glossary')).length;
    expect(flagged(work.rows(doc, {}, 0, 100))).toBe(0);
    const before = markup(work, doc, 0, 100);
    glossary(db).add('合作', 'collaboration');
    expect(flagged(work.rows(doc, {}, 0, 100))).toBeGreaterThan(0);
    const after = markup(work, doc, 0, 100);
    expect(after).toEqual(markup(workspace(db), doc, 0, 100));
    expect(after).not.toEqual(before);
    db.close();
  });

  it('when the document does not exist then it answers 404 like a fresh read', () => {
    const db = openDatabase(':memory:');
    expect(() => documentRows(db).page(999, 0, 10)).toThrow(/no document 999/);
  });
});
