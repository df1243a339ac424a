// Worker-thread entry: runs imports and realigns on its own connection to the database file, one at a time (see work-pool.ts).

import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open-database.ts';
import { importMemoryFile, importUpload } from '../services/import-file.ts';
import { alignmentEditing } from '../services/alignment-editing.ts';
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

const { dbFile, heard } = workerData as { dbFile: string; heard: Int32Array };
const db = openDatabase(dbFile);
// Every write here is an IMMEDIATE transaction. The request thread holds its own writers back while one runs,
// since a writer waiting in SQLite's busy handler there would stop every request; this thread waits until
// it has heard, so no writer the request thread let through can meet the lock. A second at most: a
// request thread that busy will not be writing in the meantime either.
const transaction = db.transaction.bind(db);
db.transaction = ((fn: (...args: never[]) => unknown) => {
  const t = transaction(fn);
  // better-sqlite3's transaction functions are frozen: a new one with the same variants, IMMEDIATE announced.
  return Object.assign((...args: never[]) => t(...args), {
    default: t.default, deferred: t.deferred, exclusive: t.exclusive,
    immediate: (...args: never[]) => {
      Atomics.store(heard, 0, 0);
      parentPort!.postMessage({ writing: true } satisfies WorkReply);
      Atomics.wait(heard, 0, 0, 1000);
      try {
        return t.immediate(...args);
      } finally {
        parentPort!.postMessage({ writing: false } satisfies WorkReply);
      }
    },
  });
}) as typeof db.transaction;
// Loaded on the first plain-text import or realign and kept: the lexicon takes a second or two to read.
let aligner: Aligner | undefined;
const align = () => (aligner ??= defaultAligner());
const editing = alignmentEditing(db, align);

function run(request: WorkRequest): unknown {
  switch (request.task) {
    case 'importUpload': return importUpload({ db, aligner: align }, request.upload);
    case 'importMemoryFile': return importMemoryFile(db, request.file);
    case 'realign': return editing.realign(request.user, request.documentId, request.expectedVersion);
  }
}

parentPort!.on('message', (request: WorkRequest) => {
  let reply: WorkReply;
  try {
    reply = { id: request.id, value: run(request) };
  } catch (err) {
    reply = { id: request.id, error: errorParts(err) };
  }
  parentPort!.postMessage(reply);
});
