// Long use cases (imports with alignment, realign, match analyses) and a user's search pattern on worker threads, so
// the request thread keeps answering everyone else.

import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { ImportResult, UploadRequest, UploadedFile } from '../services/import-file.ts';
import type { AlignmentResult, RealignPreview } from '../services/alignment-editing.ts';
import type { User } from '../services/accounts.ts';
import type { PlannedReplace } from '../services/search-replace.ts';
import type { GlossaryImport } from '../services/glossary.ts';
import type { ReplaceQuery } from '../domain/replace-text.ts';
import type { MatchAnalysis } from '../domain/match-analysis.ts';
import type { AnalysisSlice } from '../services/match-analysis.ts';
import type { Actor } from '../services/document-access.ts';
import { errorFromParts, type ErrorParts } from '../domain/errors.ts';
import { startWorker } from './start-worker.ts';

type Task =
  | { task: 'importUpload'; upload: UploadRequest }
  | { task: 'importMemoryFile'; file: UploadedFile }
  | { task: 'importGlossaryFile'; file: UploadedFile; user: User }
  | { task: 'realign'; user: User; documentId: number; expectedVersion: number }
  | { task: 'previewRealign'; documentId: number; expectedVersion: number }
  | { task: 'planReplace'; documentId: number; query: ReplaceQuery }
  | { task: 'analyseMatches'; documentId: number; user: Actor }
  | { task: 'analyseMatchSlice'; run: string; documentId: number; user: Actor; from: number; to: number };
export type WorkRequest = { id: number } & Task;
export type WorkReply = { id: number; value: unknown } | { id: number; error: ErrorParts } | { writing: boolean };

interface Job {
  request: WorkRequest;
  /** See QUICK. */
  quick: boolean;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

/**
 * One core is left to the request thread: on two cores one import runs at a time and the others wait their
 * turn, each with the memory of one alignment, instead of four crowding the thread that answers pages. A search
 * preview does not wait with them (see QUICK).
 */
const THREADS = Math.max(1, os.availableParallelism() - 1);

/** Tasks bounded to about a second, which a person waits on with the page open. */
const QUICK: ReadonlySet<Task['task']> = new Set(['planReplace']);

/**
 * Threads start on first use, each with its own connection to the database (on SQLite, WAL lets pages read
 * while a thread writes), and stay for the next job; idle, they do not keep the process alive. A thread
 * that dies fails its job with a 500 and is replaced on the next one.
 */
export function workPool(database: string | undefined, size = THREADS) {
  if (database === undefined) throw new Error('Work threads need a database file or server: a database in memory cannot be opened from another thread.');
  const idle: Worker[] = [];
  const queue: Job[] = [];
  let started = 0;
  let nextId = 1;
  // Threads inside a write transaction, and the writers on this thread waiting for them to finish.
  const writing = new Set<Worker>();
  const waiting: (() => void)[] = [];
  // Each thread's flag that this thread has heard it is about to write (see work-thread.ts).
  const heard = new Map<Worker, Int32Array>();

  function writes(worker: Worker, busy: boolean): void {
    if (busy) {
      writing.add(worker);
      const flag = heard.get(worker)!;
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    } else {
      writing.delete(worker);
      if (writing.size === 0) waiting.splice(0).forEach((go) => go());
    }
  }

  function spawn(): Worker {
    started++;
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const worker = startWorker(new URL('./work-thread.ts', import.meta.url), { database, heard: flag });
    heard.set(worker, flag);
    worker.unref();
    return worker;
  }

  function runOn(worker: Worker, job: Job): void {
    worker.ref();
    const finish = (settle: () => void, keep: boolean) => {
      if (!job.quick) long--;
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      writes(worker, false);
      settle();
      if (keep) {
        worker.unref();
        idle.push(worker);
      } else {
        started--;
        heard.delete(worker);
        void worker.terminate();
      }
      next();
    };
    const onMessage = (reply: WorkReply) => {
      if ('writing' in reply) return writes(worker, reply.writing);
      finish(() => ('error' in reply ? job.reject(errorFromParts(reply.error)) : job.resolve(reply.value)), true);
    };
    const onError = (err: Error) => finish(() => job.reject(err), false);
    const onExit = (code: number) => finish(() => job.reject(new Error(`A work thread stopped with code ${code}.`)), false);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job.request);
  }

  // Long tasks (imports, realigns) run at most `size` at once; a quick one (a search preview, bounded to a second) goes
  // first and may have one thread beyond them, so a translator's preview does not wait for someone's import.
  let long = 0;
  function next(): void {
    for (let i = 0; i < queue.length;) {
      const job = queue[i]!;
      const free = idle.length > 0 || started < size + (job.quick ? 1 : 0);
      if (!free || (!job.quick && long >= size)) {
        i++;
        continue;
      }
      queue.splice(i, 1);
      if (!job.quick) long++;
      runOn(idle.pop() ?? spawn(), job);
    }
  }

  function run<T>(task: Task): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = { request: { ...task, id: nextId++ }, quick: QUICK.has(task.task), resolve: resolve as (value: unknown) => void, reject };
      // A quick task goes before the long ones waiting.
      const firstLong = job.quick ? queue.findIndex((j) => !j.quick) : -1;
      queue.splice(firstLong === -1 ? queue.length : firstLong, 0, job);
      next();
    });
  }

  return {
    importUpload: (upload: UploadRequest) => run<ImportResult>({ task: 'importUpload', upload }),
    importMemoryFile: (file: UploadedFile) => run<{ units: number; skipped: number }>({ task: 'importMemoryFile', file }),
    /** A glossary file of up to the upload limit: its XML or CSV is read here, not on the thread that answers pages. */
    importGlossaryFile: (file: UploadedFile, user: User) => run<GlossaryImport>({ task: 'importGlossaryFile', file, user }),
    realign: (user: User, documentId: number, expectedVersion: number) => run<AlignmentResult>({ task: 'realign', user, documentId, expectedVersion }),
    previewRealign: (documentId: number, expectedVersion: number) => run<RealignPreview>({ task: 'previewRealign', documentId, expectedVersion }),
    /** A search and replace's plan: a pattern that backtracks holds a work thread for its second, never the request thread. */
    planReplace: (documentId: number, query: ReplaceQuery) => run<PlannedReplace>({ task: 'planReplace', documentId, query }),
    /** A document's match analysis: seconds for 100,000 pairs, queued with the imports (the thread keeps its own memory index). */
    analyseMatches: (documentId: number, user: Actor) => run<MatchAnalysis>({ task: 'analyseMatches', documentId, user: { id: user.id, role: user.role } }),
    /** A slice of an analysis job's pairs: a task each, so that imports queued meanwhile run between them. */
    analyseMatchSlice: (analysis: string, documentId: number, user: Actor, from: number, to: number) =>
      run<AnalysisSlice>({ task: 'analyseMatchSlice', run: analysis, documentId, user: { id: user.id, role: user.role }, from, to }),
    /**
     * Resolves once no thread holds SQLite's write lock: a writer on the request thread awaits it rather than
     * wait inside SQLite's busy handler, which would stop every other request for as long as an import writes.
     */
    writeLockFree: (): Promise<void> => (writing.size === 0 ? Promise.resolve() : new Promise((go) => waiting.push(go))),
    /** Stops the idle threads; a running job finishes first. */
    async close(): Promise<void> {
      await Promise.all(idle.splice(0).map((w) => w.terminate()));
    },
  };
}
export type WorkPool = ReturnType<typeof workPool>;
