// The job service over a real SQLite file and the in-process queue: a resumed import whose transaction had committed
// before its server stopped is not imported twice, and one that had not is imported once, from the files the job kept.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../server/db/sqlite-store.ts';
import type { Store } from '../../server/db/store.ts';
import { jobs } from '../../server/services/jobs.ts';
import { jobHandlers, skippedNote, storedUpload } from '../../server/services/job-handlers.ts';
import { inProcessQueue } from '../../server/services/job-queue-in-process.ts';
import { importUpload, type UploadRequest } from '../../server/services/import-file.ts';
import { machineTranslation } from '../../server/services/machine-translation.ts';
import { alignmentEditing } from '../../server/services/alignment-editing.ts';
import { defaultAligner } from '../../server/services/workbench.ts';
import { accounts } from '../../server/services/accounts.ts';
import { tempDir } from '../support/test-server.ts';
import { exportJobs } from '../../server/services/export-jobs.ts';
import { translatedDocuments } from '../../server/services/translated-document.ts';
import { DEFAULT_EXPORT_JOB_SETTINGS } from '../../server/config.ts';

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
<body><tu><tuv xml:lang="zh-CN"><seg>两国元首举行会谈。</seg></tuv><tuv xml:lang="en"><seg>The two heads of state held talks.</seg></tuv></tu></body></tmx>`;

describe('jobs resumed at start', () => {
  let dir: string;
  let store: Store;
  let imports: number;

  /** The job service as a server starts it: resuming what the last one left. */
  function startService() {
    const handlers = jobHandlers({
      store, mt: machineTranslation(store, () => ({ name: 'none', translate: async () => [] })),
      realign: alignmentEditing(store, defaultAligner).realign,
      importUpload: (upload) => {
        imports++;
        return importUpload({ store, aligner: defaultAligner }, upload);
      },
      runExport: (job) => exportJobs(store, () => service, translatedDocuments(store), DEFAULT_EXPORT_JOB_SETTINGS).run(job),
      runAnalysis: () => Promise.reject(new Error('No analysis is started here.')),
    });
    const service = jobs(store, inProcessQueue(store, { resume: true }), handlers);
    return service;
  }

  beforeEach(async () => {
    dir = tempDir();
    store = openStore(path.join(dir, 'duiqi.sqlite'));
    imports = 0;
    await accounts(store).createUser('lin', 'translator', 'correct horse 12');
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function leftRunning(upload: UploadRequest, committed: boolean): Promise<number> {
    const user = { id: 1, name: 'lin', role: 'translator' as const };
    const id = await store.write((tx) => tx.jobs.insert({ kind: 'import', documentId: null, createdBy: 1, input: JSON.stringify({ upload: storedUpload(upload), user }) }));
    await store.write((tx) => tx.jobs.begin(id));
    // As if the server had stopped after the import's transaction committed, before the job was marked done.
    if (committed) await importUpload({ store, aligner: defaultAligner }, { ...upload, jobId: id });
    return id;
  }

  const upload: UploadRequest = { title: '会谈', source: { name: 'talks.tmx', bytes: new TextEncoder().encode(TMX) }, createdBy: 1 };
  const lin = { id: 1, name: 'lin', role: 'translator' as const };

  it('when the import had committed then the resumed job finds its document and does not import again', async () => {
    const id = await leftRunning(upload, true);
    const service = startService();
    await service.serve();
    const job = await service.settled(lin, id, 10_000);
    expect(job).toMatchObject({ state: 'done', attempts: 2, result: { key: 'jobs.imported', params: { count: 1, title: '会谈' } } });
    expect(imports).toBe(0);
    expect(await store.read((tx) => tx.documents.list('active'))).toHaveLength(1);
    await service.stop();
  });

  it('when the import had committed and its TMX skipped units then the resumed job says how many, as a job that ran through does', async () => {
    // Units without Chinese (English and Japanese only, Japanese only) are skipped; the rest imports.
    const unit = (tuvs: [string, string][]) => `<tu>${tuvs.map(([lang, seg]) => `<tuv xml:lang="${lang}"><seg>${seg}</seg></tuv>`).join('')}</tu>`;
    const tmx = TMX.replace('</body>', `${unit([['en', 'Talks went well.'], ['ja', '会談は順調だった。']])}${unit([['ja', 'ありがとう。']])}</body>`);
    const skipping: UploadRequest = { ...upload, source: { name: 'talks.tmx', bytes: new TextEncoder().encode(tmx) } };
    const service = startService();
    await service.serve();
    const through = await service.settled(lin, (await service.create(lin, 'import', null, { upload: storedUpload(skipping) })).id, 10_000);
    expect(through.result).toMatchObject({ key: 'jobs.imported', value: { skipped: 2 }, notes: [skippedNote(2)] });
    await service.stop();

    const id = await leftRunning(skipping, true);
    const resumed = startService();
    await resumed.serve();
    const job = await resumed.settled(lin, id, 10_000);
    expect(imports).toBe(1);
    expect(job.result).toEqual({ ...through.result, value: { id: job.documentId, skipped: 2 }, documentId: job.documentId });
    await resumed.stop();
  });

  it('when the import had not committed then the resumed job imports the files it kept, once', async () => {
    const id = await leftRunning(upload, false);
    const service = startService();
    await service.serve();
    const job = await service.settled(lin, id, 10_000);
    expect(job).toMatchObject({ state: 'done', attempts: 2 });
    expect(imports).toBe(1);
    const docs = await store.read((tx) => tx.documents.list('active'));
    expect(docs.map((d) => d.id)).toEqual([job.documentId]);
    await service.stop();
  });

  it('when two runs of one import job both import (a server taken for dead was only slow) then the second rolls back and leaves no document', async () => {
    const id = await leftRunning(upload, true);
    await expect(importUpload({ store, aligner: defaultAligner }, { ...upload, jobId: id })).rejects.toMatchObject({ status: 409, key: 'jobs.alreadyImported' });
    expect(await store.read((tx) => tx.documents.list('active'))).toHaveLength(1);
  });
});
