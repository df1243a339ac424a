// The contract of a document's life (rename, archive, trash, purge) and of the comment threads on its pairs.

import { expect, it } from 'vitest';
import { contract } from './stores.ts';
import { addUser, insertDocument, SAMPLE } from './fixtures.ts';

contract('document lifecycle repository', (store) => {
  it('when documents are archived, trashed and restored then each list shows its shelf, and activity follows the last change', async () => {
    const { documents, lifecycle } = store().repos;
    const owner = await addUser(store(), 'owner');
    const kept = await insertDocument(store(), 'kept', SAMPLE, { createdBy: owner });
    const shelved = await insertDocument(store(), 'shelved', SAMPLE);
    const binned = await insertDocument(store(), 'binned', SAMPLE);
    await lifecycle.rename(kept.documentId, 'kept well', '2099-01-01T00:00:00.000Z');
    await lifecycle.setArchived(shelved.documentId, '2026-12-04T05:00:00.000Z', '2026-12-04T05:00:00.000Z');
    expect(await lifecycle.trash(binned.documentId, '2026-12-04T06:00:00.000Z', owner)).toBe(true);
    expect(await lifecycle.trash(binned.documentId, '2026-12-04T07:00:00.000Z', owner)).toBe(false);
    const ids = async (shelf: 'active' | 'archived' | 'trash') => (await documents.list(shelf)).map((d) => d.id);
    expect([await ids('active'), await ids('archived'), await ids('trash')]).toEqual([[kept.documentId], [shelved.documentId], [binned.documentId]]);
    expect(await documents.byId(kept.documentId)).toMatchObject({ title: 'kept well', owner_id: owner, owner: 'owner',
      archived_at: null, trashed_at: null, last_activity_at: '2099-01-01T00:00:00.000Z', rejected_count: 0 });
    expect(await lifecycle.state(binned.documentId)).toEqual({ id: binned.documentId, title: 'binned', owner_id: null,
      archived_at: null, trashed_at: '2026-12-04T06:00:00.000Z' });
    expect(await lifecycle.trashedIds()).toEqual(new Set([binned.documentId]));
    expect(await lifecycle.restore(binned.documentId, '2026-12-04T08:00:00.000Z')).toBe(true);
    expect(await lifecycle.restore(binned.documentId, '2026-12-04T08:00:00.000Z')).toBe(false);
    expect(await ids('active')).toEqual([kept.documentId, binned.documentId]);
  });

  it('when the trash is purged then only documents trashed before the time go (all without one), and they still count', async () => {
    const { documents, lifecycle } = store().repos;
    const early = await insertDocument(store(), 'early', SAMPLE);
    const late = await insertDocument(store(), 'late', SAMPLE);
    await lifecycle.trash(early.documentId, '2026-11-01T00:00:00.000Z', null);
    await lifecycle.trash(late.documentId, '2026-12-04T00:00:00.000Z', null);
    expect(await lifecycle.anyTrashed('2026-10-01T00:00:00.000Z')).toBe(false);
    expect(await lifecycle.anyTrashed('2026-11-04T00:00:00.000Z')).toBe(true);
    expect(await lifecycle.purge('2026-11-04T00:00:00.000Z', '2026-12-04T09:00:00.000Z')).toBe(1);
    expect(await documents.exists(early.documentId)).toBe(false);
    expect(await lifecycle.anyTrashed(null)).toBe(true);
    expect(await lifecycle.purge(null, '2026-12-04T09:00:00.000Z')).toBe(1);
    expect(await lifecycle.anyTrashed(null)).toBe(false);
    expect(await documents.count()).toBe(2);
    const next = await insertDocument(store(), 'next', SAMPLE);
    expect(next.documentId).toBeGreaterThan(late.documentId);
  });

  it('when one trashed document is purged then only it goes, it still counts, and a document outside the trash is never purged', async () => {
    const { documents, lifecycle } = store().repos;
    const gone = await insertDocument(store(), 'gone', SAMPLE);
    const kept = await insertDocument(store(), 'kept', SAMPLE);
    const working = await insertDocument(store(), 'working', SAMPLE);
    await lifecycle.trash(gone.documentId, '2026-12-01T00:00:00.000Z', null);
    await lifecycle.trash(kept.documentId, '2026-12-01T00:00:00.000Z', null);
    expect(await lifecycle.purgeOne(working.documentId, '2026-12-04T09:00:00.000Z')).toBe(false);
    expect(await documents.exists(working.documentId)).toBe(true);
    expect(await lifecycle.purgeOne(gone.documentId, '2026-12-04T09:00:00.000Z')).toBe(true);
    expect(await documents.exists(gone.documentId)).toBe(false);
    expect(await documents.exists(kept.documentId)).toBe(true);
    expect(await lifecycle.purgeOne(gone.documentId, '2026-12-04T09:00:00.000Z')).toBe(false);
    expect(await documents.count()).toBe(3);
    const next = await insertDocument(store(), 'next', SAMPLE);
    expect(next.documentId).toBeGreaterThan(working.documentId);
  });
});

contract('comments repository', (store) => {
  it('when threads are started, answered and resolved then pages, open threads and open errors follow', async () => {
    const { comments } = store().repos;
    const lin = await addUser(store(), 'lin', 'reviewer');
    const { documentId, pairIds } = await insertDocument(store(), '会见', SAMPLE);
    const error = await comments.insertThread({ documentId, pairId: pairIds[1]!, revisionId: null, category: 'accuracy', severity: 'major', createdBy: lin });
    await comments.insertComment(error, lin, 'Too loose.');
    await comments.insertComment(error, null, 'Fixed?');
    const note = await comments.insertThread({ documentId, pairId: pairIds[1]!, revisionId: null, category: null, severity: null, createdBy: null });
    await comments.insertComment(note, null, '好');
    await expect(comments.insertComment(note, null, '  ')).rejects.toThrow(/thread_comments_body_valid|CHECK/);
    expect(await comments.thread(error)).toMatchObject({ id: error, document_id: documentId, pair_id: pairIds[1], category: 'accuracy',
      severity: 'major', created_by: lin, author: 'lin', resolver: null, resolved_at: null });
    expect((await comments.pairThreads(pairIds[1]!)).map((t) => t.id)).toEqual([error, note]);
    expect((await comments.pairComments(pairIds[1]!)).map((c) => [c.thread_id, c.author, c.body])).toEqual([
      [error, 'lin', 'Too loose.'], [error, null, 'Fixed?'], [note, null, '好']]);
    expect(await comments.openThreads(documentId)).toEqual([
      { pair_id: pairIds[1], open_count: 2, thread_id: error, category: 'accuracy', severity: 'major', author: 'lin', body: 'Too loose.', noise: 0 },
      { pair_id: pairIds[1], open_count: 2, thread_id: note, category: null, severity: null, author: null, body: '好', noise: 0 }]);
    // An error on page noise is no row to re-review and no penalty; one on another row is listed after, by pair.
    const onNoise = await comments.insertThread({ documentId, pairId: pairIds[2]!, revisionId: null, category: 'style', severity: 'minor', createdBy: lin });
    await comments.insertComment(onNoise, lin, '广告?');
    const later = await comments.insertThread({ documentId, pairId: pairIds[4]!, revisionId: null, category: 'fluency', severity: 'critical', createdBy: lin });
    await comments.insertComment(later, lin, 'Stiff.');
    expect(await comments.openErrors(documentId)).toEqual([{ pair_id: pairIds[1], severity: 'major' }, { pair_id: pairIds[4], severity: 'critical' }]);
    expect(await comments.resolve(later, lin)).toBe(true);
    expect(await comments.resolve(error, lin)).toBe(true);
    expect(await comments.resolve(error, lin)).toBe(false);
    expect(await comments.thread(error)).toMatchObject({ resolver: 'lin', resolved_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });
    expect(await comments.openErrors(documentId)).toEqual([]);
    expect(await comments.lastRevisionId(pairIds[1]!)).toBeUndefined();
    expect(await comments.documentVersion(documentId)).toBe(1);
    expect(await comments.sourceTexts(documentId)).toHaveLength(4);
  });
});
