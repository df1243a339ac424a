// The contract of changing a pair's Chinese in place (a search-and-replace on the Chinese side): its sentences, state
// and mark, the revision that records it, and everything read from the sentences that must follow.

import { expect, it } from 'vitest';
import { contract } from './stores.ts';
import { addUser, insertDocument, SAMPLE } from './fixtures.ts';

const change = JSON.stringify({ old: ['双方就朝鲜半岛局势交换了意见。'], new: ['双方就半岛局势交换了看法。'], wasMarked: false });

contract('source edits', (store) => {
  it('when a document\'s Chinese sentences are read then they come pair by pair in order, noise left out', async () => {
    const { batches, pairs } = store().repos;
    const { documentId, pairIds } = await insertDocument(store(), '会见', SAMPLE);
    const sentences = await batches.documentSources(documentId);
    expect(sentences.map((s) => [s.pair_id, s.text])).toEqual([0, 1, 3, 4].map((i) => [pairIds[i], SAMPLE[i]!.zh]));
    expect(await pairs.sourceSegments(pairIds[1]!)).toEqual([{ id: sentences[1]!.id, text: SAMPLE[1]!.zh }]);
    expect(await batches.documentSources(documentId + 999)).toEqual([]);
  });

  it('when a pair\'s Chinese is written then the sentence, state, mark and version change together, once per version', async () => {
    const { pairs, documents, concordance } = store().repos;
    const { documentId, pairIds } = await insertDocument(store(), '会见', SAMPLE);
    const lin = await addUser(store(), 'lin');
    const [sentence] = await pairs.sourceSegments(pairIds[1]!);
    const before = await documents.generationParts(documentId);
    await store().transaction(async (tx) => {
      expect(await tx.pairs.updateSource(pairIds[1]!, 1, [{ id: sentence!.id, text: '双方就半岛局势交换了看法。' }], 20, true, lin)).toBe(true);
      await tx.pairs.insertRevision({ pairId: pairIds[1]!, version: 2, authorId: lin, action: 'source', oldText: SAMPLE[1]!.en!, newText: SAMPLE[1]!.en!,
        oldState: 10, newState: 20, comment: null, seconds: 0, sourceChange: change });
    });
    // A writer that saw version 1 changes nothing now, not even the sentence.
    expect(await pairs.updateSource(pairIds[1]!, 1, [{ id: sentence!.id, text: '别的。' }], 10, false, lin)).toBe(false);
    expect(await pairs.pair(pairIds[1]!)).toMatchObject({ version: 2, state: 20, src_changed: 1, src_text: '双方就半岛局势交换了看法。', tgt_text: SAMPLE[1]!.en });
    const [row] = await documents.pairsByIds([pairIds[1]!]);
    expect(row!.pair.src_changed).toBe(1);
    expect(row!.segments.find((s) => s.side === 'src')!.text).toBe('双方就半岛局势交换了看法。');

    // The document's revision moved, and the pair is among those revised since: kept pages re-read it.
    const after = await documents.generationParts(documentId);
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(after.version).toBe(before.version);
    expect((await documents.revisedPairs(documentId, before.revision, 100))!.map((r) => r.pair.id)).toEqual([pairIds[1]]);
    // The concordance follows the sentence.
    const found = await concordance.search({ text: '交换了看法', userId: null, admin: true, after: 0, limit: 10 });
    expect(found.map((h) => h.pair_id)).toEqual([pairIds[1]]);
    expect(await concordance.search({ text: '朝鲜半岛局势', userId: null, admin: true, after: 0, limit: 10 })).toEqual([]);

    const history = await pairs.history(pairIds[1]!);
    expect(history[0]).toMatchObject({ action: 'source', author: 'lin', source_change: change, old_state: 10, new_state: 20 });
  });

  it('when a person saves the English then the mark goes; a save of many rows keeps it', async () => {
    const { pairs } = store().repos;
    const { pairIds } = await insertDocument(store(), '会见', SAMPLE);
    const lin = await addUser(store(), 'lin');
    const [a] = await pairs.sourceSegments(pairIds[0]!);
    const [b] = await pairs.sourceSegments(pairIds[1]!);
    expect(await pairs.updateSource(pairIds[0]!, 1, [{ id: a!.id, text: '甲。' }], 10, true, lin)).toBe(true);
    expect(await pairs.updateSource(pairIds[1]!, 1, [{ id: b!.id, text: '乙。' }], 10, true, lin)).toBe(true);
    expect(await pairs.update(pairIds[0]!, 2, 'A.', 20, lin, 0)).toBe(true);
    expect(await pairs.update(pairIds[1]!, 2, 'B.', 20, lin, 0, true)).toBe(true);
    expect((await pairs.pair(pairIds[0]!))!.src_changed).toBe(0);
    expect((await pairs.pair(pairIds[1]!))!.src_changed).toBe(1);
  });

  it('when a revision of the Chinese is recorded then it needs its change, and only it has one', async () => {
    const { pairs } = store().repos;
    const { pairIds } = await insertDocument(store(), '会见', SAMPLE);
    const base = { pairId: pairIds[0]!, version: 2, authorId: null, oldText: '', newText: '', oldState: 10, newState: 10, comment: null, seconds: 0 };
    await expect(pairs.insertRevision({ ...base, action: 'source' })).rejects.toThrow(/revisions_source_change|CHECK/);
    await expect(pairs.insertRevision({ ...base, action: 'save', sourceChange: change })).rejects.toThrow(/revisions_source_change|CHECK/);
  });
});
