// The contract of stored jobs: a job's record, its progress and how it ends, once.

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

  it('when an import job fails or finishes then the failure is kept, and the finish names the document it made', async () => {
    const { jobs } = store().repos;
    const doc = await insertDocument(store(), 'imported', SAMPLE);
    const failed = await jobs.insert({ kind: 'import', documentId: null, createdBy: null, input: '{}' });
    const made = await jobs.insert({ kind: 'import', documentId: null, createdBy: null, input: '{}' });
    expect(await jobs.unfinished()).toEqual([failed, made]);
    expect(await jobs.fail(failed, '{"status":400}')).toBe(true);
    expect(await jobs.get(failed)).toMatchObject({ state: 'failed', error: '{"status":400}', documentId: null });
    await jobs.begin(made);
    expect(await jobs.attach(made, doc.documentId)).toBe(true);
    expect(await jobs.attach(made, doc.documentId + 1)).toBe(false);
    expect(await jobs.get(made)).toMatchObject({ state: 'running', documentId: doc.documentId });
    expect(await jobs.finish(made, '{}', null)).toBe(true);
    expect(await jobs.get(made)).toMatchObject({ state: 'done', documentId: doc.documentId, done: 0, total: null });
    expect(await jobs.get(made + 100)).toBeUndefined();
  });
});
