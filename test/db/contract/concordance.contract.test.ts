// The contract of the concordance: substrings of either side, found literally, among the pairs a user may open and
// the memory, and kept in step with saves, alignment edits, memory loads and purges.

import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { ConcordanceQuery } from '../../../server/db/concordance-repo.ts';
import type { AlignOp } from '../../../server/domain/align-ops.ts';
import type { ContractStore } from './stores.ts';
import { contract } from './stores.ts';
import { addUser, applyOp, insertDocument, undoLastOp, type FixturePair } from './fixtures.ts';

const PAGE: FixturePair[] = [
  { zh: '深化创新研发合作。', en: 'Deepen cooperation in innovation.' },
  { zh: '共享合作成果。', en: 'Share the results of cooperation.' },
  { zh: '合作广告', noise: true },
  { zh: '折扣100%_真的\\吗"？', en: 'A 100% discount_ "really" \\ *now*' },
  { zh: '会谈友好。' },
];

const find = (store: ContractStore, text: string, who: Partial<ConcordanceQuery> = {}) =>
  store.repos.concordance.search({ text, userId: null, admin: true, after: 0, limit: 50, ...who });

contract('concordance repository', (store) => {
  it('when a word is searched then pairs holding it on either side come back with their document and row, noise left out', async () => {
    const { documentId, pairIds } = await insertDocument(store(), '合作文件', PAGE);
    const hits = await find(store(), '合作');
    expect(hits.map((h) => [h.pair_id, h.document_id, h.row_idx, h.title])).toEqual([
      [pairIds[0], documentId, 0, '合作文件'], [pairIds[1], documentId, 1, '合作文件']]);
    expect(hits[1]).toMatchObject({ src: '共享合作成果。', tgt: 'Share the results of cooperation.' });
    // Three characters or more go through the index; ASCII case is ignored; either side matches.
    expect((await find(store(), '合作成果')).map((h) => h.pair_id)).toEqual([pairIds[1]]);
    expect((await find(store(), 'COOPERATION')).map((h) => h.pair_id)).toEqual([pairIds[0], pairIds[1]]);
    expect((await find(store(), 'of c')).map((h) => h.pair_id)).toEqual([pairIds[1]]);
    expect(await find(store(), '合作成果了')).toEqual([]);
  });

  it('when a one- or two-character query ends a text, or occurs more often than the index is read for, then it is still found', async () => {
    // 20,001 times 合: past the occurrences SQLite reads from its index for a short query, so the table is scanned.
    const crowded = `${'合'.repeat(20_001)}。`;
    const { pairIds } = await insertDocument(store(), '短', [{ zh: '我们合作', en: 'go' }, { zh: crowded, en: 'Many.' }]);
    expect((await find(store(), '合作')).map((h) => h.pair_id)).toEqual([pairIds[0]]);
    expect((await find(store(), '们')).map((h) => h.pair_id)).toEqual([pairIds[0]]);
    expect((await find(store(), 'GO')).map((h) => h.pair_id)).toEqual([pairIds[0]]);
    expect((await find(store(), 'o')).map((h) => h.pair_id)).toEqual([pairIds[0]]);
    expect((await find(store(), '合')).map((h) => h.pair_id)).toEqual([pairIds[0], pairIds[1]]);
    expect((await find(store(), '合', { limit: 1, after: (await find(store(), '合', { limit: 1 }))[0]!.id })).map((h) => h.pair_id)).toEqual([pairIds[1]]);
    expect(await find(store(), '鑫')).toEqual([]);
  });

  it('when the query holds LIKE or FTS syntax then it is matched literally', async () => {
    const { pairIds } = await insertDocument(store(), '符号', PAGE);
    for (const text of ['%', '_', '100%', '%_', '"', '"really"', '\\', '*now*', '\\吗"']) {
      expect((await find(store(), text)).map((h) => h.pair_id), text).toEqual([pairIds[3]]);
    }
    for (const text of ['**', 'NEAR', '" OR "', '%%', 'a_b', '\\\\']) expect(await find(store(), text), text).toEqual([]);
  });

  it('when memory units are loaded then they are found for everyone, with their file as title', async () => {
    const owner = await addUser(store(), 'wang');
    await insertDocument(store(), '私人', PAGE, { createdBy: owner, shared: false });
    await store().transaction(async ({ memory }) => {
      await memory.insertMany([{ src: '扩大合作领域', tgt: 'expand the areas of cooperation' }], 'memory.tmx');
    });
    const other = await addUser(store(), 'li');
    const hits = await find(store(), '合作', { userId: other, admin: false });
    expect(hits.map((h) => [h.pair_id, h.document_id, h.title, h.src])).toEqual([[null, null, 'memory.tmx', '扩大合作领域']]);
  });

  it('when a document is private, shared or trashed then only those who may open it find its pairs', async () => {
    const [owner, member, stranger] = [await addUser(store(), 'wang'), await addUser(store(), 'zhao'), await addUser(store(), 'li')];
    const { documentId } = await insertDocument(store(), '私人', PAGE, { createdBy: owner, shared: false });
    const count = async (userId: number, admin = false) => (await find(store(), '合作', { userId, admin })).length;
    expect([await count(owner), await count(member), await count(stranger), await count(stranger, true)]).toEqual([2, 0, 0, 2]);
    await store().repos.access.addMember(documentId, member);
    expect(await count(member)).toBe(2);
    await store().repos.access.setShared(documentId, true);
    expect(await count(stranger)).toBe(2);
    await store().repos.lifecycle.trash(documentId, '2026-12-04T06:00:00.000Z', owner);
    expect([await count(owner), await count(stranger, true)]).toEqual([0, 0]);
    await store().repos.lifecycle.purge(null, '2026-12-04T07:00:00.000Z');
    expect(await find(store(), '合作')).toEqual([]);
  });

  it('when there are more hits than the limit then the next page starts after the last id', async () => {
    await insertDocument(store(), '多', Array.from({ length: 7 }, (_, i) => ({ zh: `第${i}次合作。`, en: `Cooperation number ${i}.` })));
    for (const text of ['合作', '合作。']) {
      const first = await find(store(), text, { limit: 3 });
      const second = await find(store(), text, { limit: 3, after: first.at(-1)!.id });
      const third = await find(store(), text, { limit: 3, after: second.at(-1)!.id });
      expect([...first, ...second, ...third].map((h) => h.src)).toEqual(Array.from({ length: 7 }, (_, i) => `第${i}次合作。`));
    }
  });

  it('when a pair is saved then the concordance finds its new English and no longer its old one, in the same transaction', async () => {
    const { pairIds } = await insertDocument(store(), '保存', PAGE);
    await expect(store().transaction(async ({ pairs }) => {
      await pairs.update(pairIds[4]!, 1, 'The talks were friendly.', 20, null, 1);
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await find(store(), 'friendly')).toEqual([]);
    await store().transaction(({ pairs }) => pairs.update(pairIds[0]!, 1, 'Deepen R&D partnership.', 20, null, 1));
    expect((await find(store(), 'partnership')).map((h) => h.pair_id)).toEqual([pairIds[0]]);
    expect((await find(store(), 'innovation')).map((h) => h.pair_id)).toEqual([]);
  });

  it('when rows are merged and the merge undone then the Chinese across their boundary is found, then not', async () => {
    const user = await addUser(store(), 'lin');
    const { documentId } = await insertDocument(store(), '对齐', PAGE);
    await applyOp(store(), documentId, user, { kind: 'merge', row: 0 });
    expect((await find(store(), '合作。共享')).map((h) => h.src)).toEqual(['深化创新研发合作。共享合作成果。']);
    await undoLastOp(store(), documentId);
    expect(await find(store(), '合作。共享')).toEqual([]);
    expect((await find(store(), '合作')).map((h) => h.src)).toEqual(['深化创新研发合作。', '共享合作成果。']);
  });

  it('when random alignment edits are written then every pair is found by its whole Chinese and English', async () => {
    const user = await addUser(store(), 'lin');
    const rows = fc.nat(4);
    const ops = fc.array(fc.oneof(
      fc.record({ kind: fc.constantFrom('moveUp', 'moveDown'), side: fc.constantFrom('src', 'tgt'), row: rows }),
      fc.record({ kind: fc.constant('merge'), row: rows }),
      fc.record({ kind: fc.constant('split'), row: rows, srcAt: fc.nat(2), tgtAt: fc.nat(2) }),
      fc.record({ kind: fc.constant('splitSentence'), side: fc.constant('src'), row: rows, sentence: fc.nat(1), offset: fc.nat(8) }),
      fc.record({ kind: fc.constant('joinSentences'), side: fc.constant('src'), row: rows, sentence: fc.nat(1) }),
    ) as fc.Arbitrary<AlignOp>, { minLength: 1, maxLength: 4 });
    let run = 0;
    await fc.assert(fc.asyncProperty(ops, async (list) => {
      const { documentId } = await insertDocument(store(), `对齐 ${run++}`, PAGE);
      for (const op of list) await applyOp(store(), documentId, user, op).catch((err: { status?: number }) => {
        if (err.status !== 400) throw err;
      });
      for (const { pair, segments } of await store().repos.documents.pairs(documentId)) {
        const src = segments.filter((s) => s.side === 'src').map((s) => s.text).join('');
        for (const text of [src, pair.tgt_text].filter((t) => t && !pair.noise)) {
          expect((await find(store(), text)).some((h) => h.pair_id === pair.id && h.src === src && h.tgt === pair.tgt_text), text).toBe(true);
        }
      }
    }), { numRuns: 10 });
  });
});
