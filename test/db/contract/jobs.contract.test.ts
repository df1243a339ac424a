// The contract of stored jobs: a job's record, its progress and how it ends, once; an export job's file in parts.

import { expect, it } from 'vitest';
import { contract } from './stores.ts';
import { addUser, insertDocument, SAMPLE } from './fixtures.ts';

contract('jobs repository', (store) => {
  it('when a job runs, reports progress and finishes then its record says so, once, and its input is let go', async () => {
    const { jobs } = store().repos;
    const lin = await addUser(store(), 'lin');
    const doc = await insertDocument(store(), 'doc', SAMPLE, { createdBy: lin });
    const id = await jobs.insert({ kind: 'translate', documentId: doc.documentId, createdBy: lin, input: '{"n":"长征"}' });
    expect(await jobs.get(id)).toMatchObject({ id, kind: 'translate', documentId: doc.documentId, createdBy: lin, state: 'queued',
      done: 0, total: null, attempts: 0, result: null, error: null, finishedAt: null });
    expect(await jobs.input(id)).toBe('{"n":"长征"}');
    expect(await jobs.progress(id, 1, 4)).toBe(false);
    expect(await jobs.unfinished()).toEqual([id]);
    expect(await jobs.begin(id)).toBe(true);
    expect(await jobs.progress(id, 3, 4)).toBe(true);
    expect(await jobs.get(id)).toMatchObject({ state: 'running', done: 3, total: 4, attempts: 1 });
    // A restarted server begins it again: the count of attempts grows.
    expect(await jobs.begin(id)).toBe(true);
    expect(await jobs.finish(id, '{"key":"jobs.drafted"}', null)).toBe(true);
    expect(await jobs.finish(id, '{"key":"again"}', null)).toBe(false);
    expect(await jobs.fail(id, '{"message":"late"}')).toBe(false);
    expect(await jobs.begin(id)).toBe(false);
    const ended = await jobs.get(id);
    expect(ended).toMatchObject({ state: 'done', done: 4, total: 4, attempts: 2, result: '{"key":"jobs.drafted"}', error: null, documentId: doc.documentId });
    expect(typeof ended!.finishedAt).toBe('string');
    expect(await jobs.input(id)).toBe('{}');
    expect(await jobs.unfinished()).toEqual([]);
  });

  it('when a document has analysis jobs then `recent` answers those not failed, newest first, with input and result, and no other kind or document', async () => {
    const { jobs } = store().repos;
    const doc = await insertDocument(store(), 'analysed', SAMPLE);
    const other = await insertDocument(store(), 'other', SAMPLE);
    const done = await jobs.insert({ kind: 'analysis', documentId: doc.documentId, createdBy: null, input: '{"state":"a"}' });
    const failed = await jobs.insert({ kind: 'analysis', documentId: doc.documentId, createdBy: null, input: '{"state":"b"}' });
    const queued = await jobs.insert({ kind: 'analysis', documentId: doc.documentId, createdBy: null, input: '{"state":"c"}' });
    await jobs.insert({ kind: 'export', documentId: doc.documentId, createdBy: null, input: '{}' });
    await jobs.insert({ kind: 'analysis', documentId: other.documentId, createdBy: null, input: '{"state":"d"}' });
    await jobs.begin(done);
    await jobs.finish(done, '{"value":{"state":"a"}}', null);
    await jobs.fail(failed, '{}');
    expect(await jobs.recent(doc.documentId, 'analysis')).toEqual([
      { id: queued, state: 'queued', input: '{"state":"c"}', result: null },
      { id: done, state: 'done', input: '{}', result: '{"value":{"state":"a"}}' },
    ]);
  });

  it('when an import job fails or finishes then the failure is kept, and the finish names the document it made', async () => {
    const { jobs } = store().repos;
    const doc = await insertDocument(store(), 'imported', SAMPLE);
    const failed = await jobs.insert({ kind: 'import', documentId: null, createdBy: null, input: '{}' });
    const made = await jobs.insert({ kind: 'import', documentId: null, createdBy: null, input: '{}' });
    expect(await jobs.unfinished()).toEqual([failed, made]);
    expect(await jobs.fail(failed, '{"status":400}')).toBe(true);
    expect(await jobs.get(failed)).toMatchObject({ state: 'failed', error: '{"status":400}', documentId: null });
    await jobs.begin(made);
    expect(await jobs.get(made)).toMatchObject({ skipped: 0 });
    expect(await jobs.attach(made, doc.documentId, 3)).toBe(true);
    expect(await jobs.attach(made, doc.documentId + 1, 5)).toBe(false);
    expect(await jobs.get(made)).toMatchObject({ state: 'running', documentId: doc.documentId, skipped: 3 });
    expect(await jobs.finish(made, '{}', null)).toBe(true);
    expect(await jobs.get(made)).toMatchObject({ state: 'done', documentId: doc.documentId, done: 0, total: null, skipped: 3 });
    expect(await jobs.get(made + 100)).toBeUndefined();
  });

  it('when an export job stores its file in parts then they read back byte for byte, go with a new run, and go after the retention time', async () => {
    const { jobs, transfer } = store().repos;
    const doc = await insertDocument(store(), '导出', SAMPLE);
    // Non-noise pairs in the states asked for, as exportPage gives them over all its pages.
    expect(await transfer.exportCount(doc.documentId, [0, 10, 20, 25, 30])).toBe(4);
    expect(await transfer.exportCount(doc.documentId, [0])).toBe(1);
    expect(await transfer.exportCount(doc.documentId, [30])).toBe(0);
    const id = await jobs.insert({ kind: 'export', documentId: doc.documentId, createdBy: null, input: '{}' });
    const first = new Uint8Array(Buffer.from('<tmx>“长征”𠮷', 'utf8'));
    const second = new Uint8Array([0, 255, 1, 254]);
    await jobs.addFilePart(id, 0, first);
    await jobs.addFilePart(id, 1, second);
    await expect(jobs.addFilePart(id, 1, second)).rejects.toThrow();
    expect(Buffer.from((await jobs.filePart(id, 0))!).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from((await jobs.filePart(id, 1))!).equals(Buffer.from(second))).toBe(true);
    expect(await jobs.filePart(id, 2)).toBeUndefined();
    await jobs.dropFile(id);
    expect(await jobs.filePart(id, 0)).toBeUndefined();
    await jobs.addFilePart(id, 0, first);
    // Only ended export jobs older than the cutoff lose their files.
    expect(await jobs.dropFilesBefore('2999-01-01T00:00:00.000Z')).toBe(0);
    await jobs.begin(id);
    await jobs.finish(id, '{}', null);
    expect(await jobs.dropFilesBefore('2000-01-01T00:00:00.000Z')).toBe(0);
    expect(await jobs.filePart(id, 0)).toBeDefined();
    expect(await jobs.dropFilesBefore('2999-01-01T00:00:00.000Z')).toBe(1);
    expect(await jobs.filePart(id, 0)).toBeUndefined();
    expect(await jobs.get(id)).toMatchObject({ kind: 'export', state: 'done' });
  });
});
