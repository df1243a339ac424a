// What each kind of job does when a queue runs it: draft the untranslated rows, realign, import an upload, export a file,
// analyse a document's matches.

import type { Store } from '../db/store.ts';
import type { JobKind } from '../db/jobs-repo.ts';
import type { ImportResult, UploadRequest } from './import-file.ts';
import { realignOutcome, type AlignmentResult } from './alignment-editing.ts';
import type { MachineTranslation } from './machine-translation.ts';
import type { JobHandler } from './jobs.ts';
import type { User } from './accounts.ts';
import { documentReads } from './documents.ts';
import { ALREADY_IMPORTED } from './import-document.ts';
import { AppError } from '../domain/errors.ts';

export interface JobWork {
  store: Store;
  mt: MachineTranslation;
  /** On a work thread, as the request thread would (threads/work-pool.ts). */
  realign(user: User, documentId: number, expectedVersion: number): Promise<AlignmentResult>;
  importUpload(upload: UploadRequest): Promise<ImportResult>;
  /** Makes an export's file and stores it (export-jobs.ts). */
  runExport: JobHandler;
  /** Analyses a big document's matches (match-analysis.ts). */
  runAnalysis: JobHandler;
}

type StoredFile = { name: string; base64: string };
/** An upload as a job keeps it, in JSON, until the import ends: any server (or this one after a restart) can run it. */
export type StoredUpload = Omit<UploadRequest, 'source' | 'translation' | 'jobId'> & { source?: StoredFile; translation?: StoredFile };

const stored = (file: UploadRequest['source']): StoredFile | undefined => file && { name: file.name, base64: Buffer.from(file.bytes).toString('base64') };
const loaded = (file: StoredFile | undefined) => file && { name: file.name, bytes: new Uint8Array(Buffer.from(file.base64, 'base64')) };

export function storedUpload(upload: UploadRequest): StoredUpload {
  return { ...upload, source: stored(upload.source), translation: stored(upload.translation) };
}

/** The sentence that says how many units of a bilingual file an import skipped (a TMX in several languages). */
export const skippedNote = (count: number) => ({ key: 'jobs.skippedUnits', params: { count } });

/** The sentence of a machine translation's result, by how many rows it drafted (views/mt-run.ts shows it). */
export const draftedKey = (count: number) => (count === 0 ? 'mtRun.none' : count === 1 ? 'mtRun.draftedOne' : 'mtRun.drafted');

export function jobHandlers(work: JobWork): Record<JobKind, JobHandler> {
  return {
    async translate(job) {
      const value = await work.mt.translateMissing(job.user, job.documentId!, { before: job.done, progress: job.progress });
      return { key: draftedKey(value.translated), params: { count: value.translated, engine: value.engine }, value };
    },

    async realign(job) {
      const value = await work.realign(job.user, job.documentId!, job.input.version as number);
      // With the undo and redo counts, as the synchronous answer has them, for the editor's buttons.
      const { undo, redo } = await work.store.read((tx) => tx.alignment.counts(job.documentId!));
      // Said as the synchronous answer says it: rows by the document page's numbers; nothing changed, or only confidences.
      return { ...realignOutcome(value), value: { ...value, undo, redo } };
    },

    async import(job) {
      const upload = job.input.upload as StoredUpload;
      // An import that committed before its server stopped named its document, and the units it skipped, in that
      // transaction: it is not made twice, and says what an import that ran through says.
      const { id, skipped } = job.documentId !== null ? { id: job.documentId, skipped: job.skipped } : await work.importUpload({
        ...upload, source: loaded(upload.source), translation: loaded(upload.translation), createdBy: job.user.id, jobId: job.id,
      }).catch(async (err: unknown) => {
        // Another run of this job imported it meanwhile: its document is the one.
        if (!(err instanceof AppError && err.key === ALREADY_IMPORTED)) throw err;
        const row = (await work.store.read((tx) => tx.jobs.get(job.id)))!;
        return { id: row.documentId!, skipped: row.skipped };
      });
      const doc = await work.store.read((tx) => documentReads.get(tx, id));
      return {
        key: 'jobs.imported', params: { count: doc.pairCount, title: doc.title }, value: { id, skipped }, documentId: id,
        ...(skipped > 0 ? { notes: [skippedNote(skipped)] } : {}),
      };
    },

    export: (job) => work.runExport(job),
    analysis: (job) => work.runAnalysis(job),
  };
}
