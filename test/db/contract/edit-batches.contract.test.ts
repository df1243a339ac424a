// The contract of batches of revisions: a search-and-replace or a propagation recorded as one undoable change.

import { expect, it } from 'vitest';
import { contract } from './stores.ts';
import { addUser, insertDocument, SAMPLE } from './fixtures.ts';

contract('edit batches repository', (store) => {
  it('when a document\'s texts are read then every pair but noise comes in order with its Chinese joined', async () => {
    const { batches } = store().repos;
    const { documentId, pairIds } = await insertDocument(store(), '会见', SAMPLE);
    const texts = await batches.documentTexts(documentId);
    expect(texts.map((t) => [t.id, t.idx, t.version, t.state, t.src_text, t.tgt_text])).toEqual([
      [pairIds[0], 0, 1, 10, SAMPLE[0]!.zh, SAMPLE[0]!.en], [pairIds[1], 1, 1, 10, SAMPLE[1]!.zh, SAMPLE[1]!.en],
      [pairIds[3], 3, 1, 0, SAMPLE[3]!.zh, ''], [pairIds[4], 4, 1, 10, SAMPLE[4]!.zh, SAMPLE[4]!.en]]);
    expect(await batches.documentTexts(documentId + 999)).toEqual([]);
  });

  it('when a pair\'s repeats are looked for then the pairs sharing its first Chinese sentence come, itself included, noise not', async () => {
    const { batches } = store().repos;
    const { pairIds } = await insertDocument(store(), '重复', [
      { zh: '合作共赢。', en: 'One.' }, { zh: '另一句。', en: 'Two.' }, { zh: '合作共赢。' }, { zh: '合作共赢。', noise: true }, { zh: '合作共赢。', en: 'Five.' }]);
    await insertDocument(store(), '别的文档', [{ zh: '合作共赢。', en: 'Elsewhere.' }]);
    const found = await batches.repeatCandidates(pairIds[0]!);
    expect(found.map((r) => [r.id, r.idx, r.src_text, r.tgt_text, r.state])).toEqual([
      [pairIds[0], 0, '合作共赢。', 'One.', 10], [pairIds[2], 2, '合作共赢。', '', 0], [pairIds[4], 4, '合作共赢。', 'Five.', 10]]);
    expect((await batches.repeatCandidates(pairIds[1]!)).map((r) => r.id)).toEqual([pairIds[1]]);
    expect(await batches.repeatCandidates(-1)).toEqual([]);
  });

  it('when a batch records revisions then its rows, count and last-undoable status follow, and it is undone once', async () => {
    const { batches, pairs } = store().repos;
    const { documentId, pairIds } = await insertDocument(store(), '会见', SAMPLE);
    const lin = await addUser(store(), 'lin');
    const wang = await addUser(store(), 'wang');
    const summary = JSON.stringify({ kind: 'replace', find: 'a', replace: 'b', regex: false, matchCase: false });
    const id = await store().transaction(async (tx) => {
      const batch = await tx.batches.insertBatch({ documentId, authorId: lin, kind: 'replace', summary, undoes: null });
      for (const pair of [pairIds[0]!, pairIds[4]!]) {
        expect(await tx.pairs.update(pair, 1, 'New.', 20, lin, 0)).toBe(true);
        await tx.pairs.insertRevision({ pairId: pair, version: 2, authorId: lin, action: 'save', oldText: 'Old.', newText: 'New.', oldState: 10, newState: 20, comment: null, seconds: 0, batchId: batch });
      }
      return batch;
    });
    // A save outside the batch is not part of it.
    await pairs.insertRevision({ pairId: pairIds[1]!, version: 2, authorId: lin, action: 'save', oldText: 'x', newText: 'y', oldState: 10, newState: 20, comment: null, seconds: 0 });
    expect(await batches.batch(id)).toEqual({ id, document_id: documentId, author_id: lin, kind: 'replace', summary, undone_by: null, pairs: 2 });
    expect(await batches.batchRevisions(id)).toEqual([
      { pair_id: pairIds[0], version: 2, old_text: 'Old.', new_text: 'New.', old_state: 10, new_state: 20, source_change: null },
      { pair_id: pairIds[4], version: 2, old_text: 'Old.', new_text: 'New.', old_state: 10, new_state: 20, source_change: null }]);
    expect((await pairs.history(pairIds[0]!)).map((r) => r.batch_kind)).toEqual(['replace']);
    expect((await pairs.history(pairIds[1]!)).map((r) => r.batch_kind)).toEqual([null]);
    expect((await batches.lastBatch(documentId, lin))?.id).toBe(id);
    expect(await batches.lastBatch(documentId, wang)).toBeUndefined();

    const undo = await batches.insertBatch({ documentId, authorId: lin, kind: 'undo', summary, undoes: id });
    expect(await batches.markUndone(id, undo)).toBe(true);
    expect(await batches.markUndone(id, undo)).toBe(false);
    expect((await batches.batch(id))?.undone_by).toBe(undo);
    // Neither the undone batch nor the undo itself is offered for undoing.
    expect(await batches.lastBatch(documentId, lin)).toBeUndefined();
    await expect(batches.insertBatch({ documentId, authorId: lin, kind: 'guess' as 'undo', summary, undoes: null })).rejects.toThrow(/edit_batches_kind_valid|CHECK/);
    expect(await batches.batch(-1)).toBeUndefined();
  });
});
