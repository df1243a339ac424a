// The contract of alignment storage: random operations written as patches leave the same rows on both databases,
// numbered without gaps, noise kept, every line break between English sentences kept, and an undo brings the rows back.

import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { AlignOp } from '../../../server/domain/align-ops.ts';
import { applyPatch, type AlignRow, type RowPatch } from '../../../server/domain/alignment-rows.ts';
import type { ContractStore } from './stores.ts';
import { contract } from './stores.ts';
import { addUser, applyOp as apply, insertDocument, undoLastOp as undoLast, type FixturePair } from './fixtures.ts';

const PAGE: FixturePair[] = [
  { zh: '习近平会见代表团。', en: 'Xi met the delegation.' },
  { zh: '双方交换了意见。', en: 'Views were exchanged.' },
  { zh: '图片说明', noise: true },
  { zh: '丁薛祥参加会见。', en: 'Ding attended.' },
  { zh: '会谈友好。', en: 'The talks were friendly.' },
  { zh: '他说。', en: 'He said. It was good.' },
  { zh: '广告', noise: true },
  { zh: '最后一句。', en: 'The last sentence.' },
];

// Noise with text on both sides, and at both ends of the page: a date line before the first row, a caption after the last.
const BOTH_SIDES: FixturePair[] = [
  { zh: '2026年12月4日', en: 'December 4, 2026', noise: true },
  ...PAGE.map((p) => (p.noise ? { ...p, en: `${p.zh === '广告' ? 'Advert' : 'Caption'}.` } : p)),
  { zh: '图注', noise: true },
];

// Two subtitle cues of two and three lines: each line an English sentence, a line break before all but the first.
const LINES: FixturePair[] = [
  { zh: '我昨天去了书店，在那里买了一本书。', en: 'I went to the bookshop yesterday.\nI bought a book there.' },
  { zh: '今天天气很好。', en: 'The weather is fine today.' },
  { zh: '字幕', noise: true },
  { zh: '他说很好。', en: 'He said.\nIt was good.\nVery good.' },
  { zh: '最后一句。', en: 'The last sentence.' },
];

// `breaks`: which English sentences a line break separates from the one before, wherever they stand.
const texts = (rows: AlignRow[]) => rows.map((r) => ({ src: r.src.map((s) => s.text), tgt: r.tgt.map((s) => s.text), breaks: r.tgt.map((s) => Boolean(s.lineBefore)), tgtText: r.tgtText,
  mtText: r.mtText, mtKind: r.mtKind, state: r.state, confirmedBy: r.confirmedBy, needsReview: r.needsReview }));

/** What must always hold of the stored document: rows and each side's sentences numbered 0…n-1, noise where it was. */
async function invariants(store: ContractStore, documentId: number) {
  const stored = await store.repos.documents.pairs(documentId);
  const sides = (side: 'src' | 'tgt') => stored.flatMap((p) => p.segments.filter((s) => s.side === side).map((s) => s.idx)).sort((a, b) => a - b);
  return {
    rowsNumbered: stored.every((p, i) => p.pair.idx === i),
    srcNumbered: sides('src').every((idx, i) => idx === i),
    tgtNumbered: sides('tgt').every((idx, i) => idx === i),
    noise: stored.filter((p) => p.pair.noise).map((p) => p.segments.map((s) => s.text).join('')),
  };
}

/** The page as stored: each pair's texts in order, noise rows marked, and each side's texts in their order, noise among them. */
async function layout(store: ContractStore, documentId: number) {
  const stored = await store.repos.documents.pairs(documentId);
  const side = (which: 'src' | 'tgt') => stored.flatMap((p) => p.segments.filter((s) => s.side === which)).sort((a, b) => a.idx - b.idx).map((s) => s.text);
  return {
    pairs: stored.map((p) => `${p.pair.noise ? 'noise: ' : ''}${p.segments.map((s) => s.text).join('|')}`),
    src: side('src'),
    tgt: side('tgt'),
  };
}

const ops: fc.Arbitrary<AlignOp[]> = fc.array(fc.oneof(
  fc.record({ kind: fc.constantFrom('moveUp', 'moveDown'), side: fc.constantFrom('src', 'tgt'), row: fc.nat(6) }),
  fc.record({ kind: fc.constantFrom('shiftDown', 'shiftUp'), side: fc.constantFrom('src', 'tgt', 'both'), row: fc.nat(6) }),
  fc.record({ kind: fc.constant('merge'), row: fc.nat(6) }),
  fc.record({ kind: fc.constant('split'), row: fc.nat(6), srcAt: fc.nat(2), tgtAt: fc.nat(2) }),
  fc.record({ kind: fc.constant('joinSentences'), side: fc.constantFrom('src', 'tgt'), row: fc.nat(6), sentence: fc.nat(1) }),
  fc.record({ kind: fc.constant('splitSentence'), side: fc.constantFrom('src', 'tgt'), row: fc.nat(6), sentence: fc.nat(1), offset: fc.nat(12) }),
  fc.record({ kind: fc.constant('confirmAbove'), row: fc.nat(6), by: fc.constant('lin') }),
) as fc.Arbitrary<AlignOp>, { minLength: 1, maxLength: 5 });

contract('alignment repository', (store) => {
  it('when a document is loaded then noise rows are left out and reported where they stand', async () => {
    const { documentId } = await insertDocument(store(), '对齐', PAGE);
    const { rows, noise, sides } = await store().repos.alignment.load(documentId);
    expect(rows.map((r) => r.src.map((s) => s.text).join(''))).toEqual(PAGE.filter((p) => !p.noise).map((p) => p.zh));
    expect(noise).toEqual([{ at: 2, src: '图片说明', tgt: '' }, { at: 5, src: '广告', tgt: '' }]);
    // Their text keeps its place among each side's sentences.
    expect(sides.src.map((s) => s.noise !== undefined)).toEqual(PAGE.map((p) => Boolean(p.noise)));
  });

  it('when a version is claimed twice then only the first claim moves the document on', async () => {
    const { alignment, documents } = store().repos;
    const { documentId } = await insertDocument(store(), '对齐', PAGE);
    expect(await alignment.claimVersion(documentId, 1)).toBe(2);
    expect(await alignment.claimVersion(documentId, 1)).toBeUndefined();
    expect(await alignment.claimVersion(documentId + 100, 1)).toBeUndefined();
    expect(await documents.generationParts(documentId)).toEqual({ revision: 1, version: 2, glossary: 0 });
  });

  it('when operations are logged then undo and redo find them in order and the counts follow', async () => {
    const { alignment } = store().repos;
    const user = await addUser(store(), 'lin');
    const { documentId } = await insertDocument(store(), '对齐', PAGE);
    await apply(store(), documentId, user, { kind: 'merge', row: 0 });
    await apply(store(), documentId, user, { kind: 'merge', row: 2 });
    expect(await alignment.counts(documentId)).toEqual({ undo: 2, redo: 0, lastAuthor: 'lin', lastAuthorId: user });
    await undoLast(store(), documentId);
    expect(await alignment.counts(documentId)).toEqual({ undo: 1, redo: 1, lastAuthor: 'lin', lastAuthorId: user });
    expect(JSON.parse((await alignment.firstUndone(documentId))!.op)).toEqual({ kind: 'merge', row: 2 });
    expect(JSON.parse((await alignment.lastDone(documentId))!.op)).toEqual({ kind: 'merge', row: 0 });
    await apply(store(), documentId, user, { kind: 'split', row: 0, srcAt: 1, tgtAt: 1 });
    expect(await alignment.counts(documentId)).toEqual({ undo: 2, redo: 0, lastAuthor: 'lin', lastAuthorId: user });
    await alignment.rewritePatches(documentId, (p) => ({ ...p, at: p.at + 100 }));
    expect(JSON.parse((await alignment.lastDone(documentId))!.patch).at).toBeGreaterThanOrEqual(100);
    const untouched = await insertDocument(store(), '未动', PAGE);
    expect(await alignment.counts(untouched.documentId)).toEqual({ undo: 0, redo: 0, lastAuthor: null, lastAuthorId: null });
  });

  it('when a gloss draft is merged, split and undone then its rows stay gloss drafts, and a patch logged without a kind undoes as machine text', async () => {
    const { alignment, pairs } = store().repos;
    const user = await addUser(store(), 'lin');
    const { documentId, pairIds } = await insertDocument(store(), '逐词', [{ zh: '丁薛祥参加会见。' }, { zh: '会谈友好。', en: 'The talks were friendly.' }]);
    expect(await store().transaction((tx) => tx.pairs.setMachineTranslation(pairIds[0]!, 1, 'Ding Xuexiang attend meet.', 'gloss', null))).toBe(true);
    const kinds = async () => (await alignment.load(documentId)).rows.map((r) => [r.mtKind, r.state]);
    expect(await kinds()).toEqual([['gloss', 10], ['mt', 10]]);
    await apply(store(), documentId, user, { kind: 'merge', row: 0 });
    const [merged] = (await alignment.load(documentId)).rows;
    expect(merged).toMatchObject({ mtText: 'Ding Xuexiang attend meet. The talks were friendly.', mtKind: 'gloss', state: 10 });
    await apply(store(), documentId, user, { kind: 'split', row: 0, srcAt: 1, tgtAt: 0 });
    expect((await kinds()).map(([kind]) => kind)).toEqual(['gloss', 'gloss']);
    await undoLast(store(), documentId);
    await undoLast(store(), documentId);
    expect(await kinds()).toEqual([['gloss', 10], ['mt', 10]]);
    expect((await pairs.pair(pairIds[0]!))).toMatchObject({ mt_kind: 'gloss' });
    // Patches written before migration 022 name no kind: their rows were machine text.
    await alignment.rewritePatches(documentId, (p) => JSON.parse(JSON.stringify(p, (k, v) => (k === 'mtKind' ? undefined : v))) as RowPatch);
    await store().transaction(async ({ alignment: a }) => {
      const logged = (await a.firstUndone(documentId))!;
      const patch = JSON.parse(logged.patch) as RowPatch;
      await a.write(documentId, await a.load(documentId), patch);
    });
    expect((await kinds()).map(([kind]) => kind)).toEqual(['mt']);
  });

  it('when a row marked for changed Chinese is merged, split and undone then the mark goes with its English, and a patch logged without it undoes unmarked', async () => {
    const { alignment, pairs } = store().repos;
    const user = await addUser(store(), 'lin');
    const { documentId, pairIds } = await insertDocument(store(), '源文改动', [
      { zh: '会谈友好。', en: 'The talks were friendly.' }, { zh: '双方交换了意见。', en: 'Views were exchanged.' }, { zh: '最后一句。', en: 'The last sentence.' }]);
    expect(await store().transaction((tx) => tx.pairs.updateSource(pairIds[1]!, 1, [], 10, true, user))).toBe(true);
    const marks = async () => (await alignment.load(documentId)).rows.map((r) => r.srcChanged);
    expect(await marks()).toEqual([false, true, false]);
    // The marked row second: a merged row is marked when any of its parts was, not only its first.
    await apply(store(), documentId, user, { kind: 'merge', row: 0 });
    expect(await marks()).toEqual([true, false]);
    expect((await pairs.pair(Number((await alignment.load(documentId)).rows[0]!.key.slice(1))))?.src_changed).toBe(1);
    await apply(store(), documentId, user, { kind: 'split', row: 0, srcAt: 1, tgtAt: 1 });
    expect(await marks()).toEqual([true, true, false]);
    await undoLast(store(), documentId);
    expect(await marks()).toEqual([true, false]);
    await undoLast(store(), documentId);
    expect(await marks()).toEqual([false, true, false]);
    // Patches logged before rows carried the mark name none: their rows were unmarked.
    await alignment.rewritePatches(documentId, (p) => JSON.parse(JSON.stringify(p, (k, v) => (k === 'srcChanged' ? undefined : v))) as RowPatch);
    await store().transaction(async ({ alignment: a }) => {
      const patch = JSON.parse((await a.firstUndone(documentId))!.patch) as RowPatch;
      await a.write(documentId, await a.load(documentId), patch);
    });
    expect(await marks()).toEqual([false, false]);
  });

  it('when two people log operations then undo and redo name the author of each', async () => {
    const { alignment } = store().repos;
    const lin = await addUser(store(), 'lin');
    const wang = await addUser(store(), 'wang');
    const { documentId } = await insertDocument(store(), '对齐', PAGE);
    await apply(store(), documentId, lin, { kind: 'merge', row: 0 });
    await apply(store(), documentId, wang, { kind: 'merge', row: 2 });
    expect(await alignment.lastDone(documentId)).toMatchObject({ authorId: wang, author: 'wang' });
    await undoLast(store(), documentId);
    expect(await alignment.firstUndone(documentId)).toMatchObject({ authorId: wang, author: 'wang' });
    expect(await alignment.lastDone(documentId)).toMatchObject({ authorId: lin, author: 'lin' });
  });

  it('when random operations are written then the stored rows are the patched rows, numbered without gaps, and an undo restores them, noise rows in place', async () => {
    const user = await addUser(store(), 'lin');
    let run = 0;
    let written = 0;
    await fc.assert(fc.asyncProperty(fc.constantFrom(PAGE, BOTH_SIDES, LINES), ops, async (page, list) => {
      const { documentId } = await insertDocument(store(), `对齐 ${run++}`, page);
      const original = await invariants(store(), documentId);
      let seen = await layout(store(), documentId);
      for (const op of list) {
        let applied: { before: AlignRow[]; patch: RowPatch };
        try {
          applied = await apply(store(), documentId, user, op);
          written++;
        } catch (err) {
          if ((err as { status?: number }).status === 400) continue;
          throw err;
        }
        const { rows } = await store().repos.alignment.load(documentId);
        expect(texts(rows)).toEqual(texts(applyPatch(applied.before, applied.patch)));
        expect(await invariants(store(), documentId)).toEqual(original);
        const before = applied.before;
        const done = await layout(store(), documentId);
        await undoLast(store(), documentId);
        expect(texts((await store().repos.alignment.load(documentId)).rows)).toEqual(texts(before));
        expect(await invariants(store(), documentId)).toEqual(original);
        // Every noise row back where it stood, among the rows and in each side's text.
        expect(await layout(store(), documentId)).toEqual(seen);
        await apply(store(), documentId, user, op);
        expect(await layout(store(), documentId)).toEqual(done);
        seen = done;
      }
    }), { numRuns: 24 });
    // Most random operations fit the page; a run of refusals would prove nothing.
    expect(written).toBeGreaterThan(15);
  });
});
