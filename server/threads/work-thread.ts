// Worker-thread entry: runs imports and realigns on its own connection to the database file, one at a time (see work-pool.ts).

import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open-database.ts';
import { importMemoryFile, importUpload } from '../services/import-file.ts';
import { alignmentEditing } from '../services/alignment-editing.ts';
import { defaultAligner } from '../services/workbench.ts';
import { errorParts } from '../domain/errors.ts';
import type { Aligner } from '../domain/assemble-pairs.ts';
import type { WorkReply, WorkRequest } from './work-pool.ts';

const db = openDatabase((workerData as { dbFile: string }).dbFile);
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
