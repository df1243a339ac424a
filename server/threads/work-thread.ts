// Worker-thread entry: runs imports, realigns, search-and-replace plans and match analyses on its own connection to the database, one
// at a time (see work-pool.ts).

import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openStoreAt } from '../db/open-store.ts';
import { importMemoryFile, importUpload } from '../services/import-file.ts';
import { alignmentEditing } from '../services/alignment-editing.ts';
import { planDocumentReplace } from '../services/search-replace.ts';
import { glossary } from '../services/glossary.ts';
import { computeMatchAnalysis, lookupMemo, prepareAnalysis, type AnalysisSlice, type PreparedAnalysis } from '../services/match-analysis.ts';
import { translationMemory } from '../services/translation-memory.ts';
import { defaultAligner } from '../services/workbench.ts';
import { errorParts } from '../domain/errors.ts';
import type { Aligner } from '../domain/assemble-pairs.ts';
import type { WorkReply, WorkRequest } from './work-pool.ts';

// On Linux each thread has its own nice value: this one yields the cores to the thread that answers requests
// (measured: /healthz p99 during four 5 MB imports fell from 163 to 30 ms). Elsewhere it keeps the process's.
try {
  os.setPriority(Number(fs.readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // no /proc/thread-self: not Linux
}

const { database, heard } = workerData as { database: string; heard: Int32Array };
// On SQLite every write here is an IMMEDIATE transaction. The request thread holds its own writers back while one runs,
// since a writer waiting in SQLite's busy handler there would stop every request; this thread waits until
// it has heard, so no writer the request thread let through can meet the lock. A second at most: a
// request thread that busy will not be writing in the meantime either.
const opening = openStoreAt(database, { hooks: {
  async aroundWrite(write) {
    Atomics.store(heard, 0, 0);
    parentPort!.postMessage({ writing: true } satisfies WorkReply);
    Atomics.wait(heard, 0, 0, 1000);
    try {
      return await write();
    } finally {
      parentPort!.postMessage({ writing: false } satisfies WorkReply);
    }
  },
} });
// Loaded on the first plain-text import or realign and kept: the lexicon takes a second or two to read.
let aligner: Aligner | undefined;
const align = () => (aligner ??= defaultAligner());
// A database that cannot be opened fails each job with its reason, rather than the thread.
// The memory's match index is this thread's own, built on the first analysis and again when the memory changes.
// Its lookups are kept too, so an analysis made again after a save looks up only Chinese it has not seen.
const ready = opening.then((store) => ({ store, editing: alignmentEditing(store, align), memory: translationMemory(store), memo: lookupMemo() }));
ready.catch(() => undefined);
// The documents of the analysis jobs in slices, read once by each run (the last two: one job and the one after it).
const analyses = new Map<string, Promise<PreparedAnalysis>>();

async function run(request: WorkRequest): Promise<unknown> {
  const { store, editing, memory, memo } = await ready;
  switch (request.task) {
    case 'importUpload': return importUpload({ store, aligner: align }, request.upload);
    case 'importMemoryFile': return importMemoryFile(store, request.file);
    case 'importGlossaryFile': return glossary(store).importFile(request.file, request.user);
    case 'realign': return editing.realign(request.user, request.documentId, request.expectedVersion);
    case 'previewRealign': return editing.previewRealign(request.documentId, request.expectedVersion);
    case 'planReplace': return planDocumentReplace(store, request.documentId, request.query);
    case 'analyseMatches': return computeMatchAnalysis(store, memory, request.documentId, request.user, memo);
    case 'analyseMatchSlice': {
      let prepared = analyses.get(request.run);
      if (!prepared) {
        analyses.set(request.run, (prepared = prepareAnalysis(store, memory, request.documentId, request.user, memo)));
        prepared.catch(() => analyses.delete(request.run));
        if (analyses.size > 2) analyses.delete(analyses.keys().next().value!);
      }
      const p = await prepared;
      // The last slice lets the document's texts go.
      if (request.to >= p.pairs) analyses.delete(request.run);
      return { revision: p.revision, pairs: p.pairs, tallies: p.slice(request.from, request.to) } satisfies AnalysisSlice;
    }
  }
}

// One job at a time: the pool sends the next only after this one's reply.
parentPort!.on('message', async (request: WorkRequest) => {
  let reply: WorkReply;
  try {
    reply = { id: request.id, value: await run(request) };
  } catch (err) {
    reply = { id: request.id, error: errorParts(err) };
  }
  parentPort!.postMessage(reply);
});
