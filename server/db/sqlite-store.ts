// The store on SQLite: one better-sqlite3 connection, its transactions taken one at a time.

import path from 'node:path';
import { openDatabase, type Db } from './open-database.ts';
import { accessRepo } from './access-repo.ts';
import { accountsRepo } from './accounts-repo.ts';
import { alignmentRepo } from './alignment-repo.ts';
import { chartsRepo } from './charts-repo.ts';
import { commentsRepo } from './comments-repo.ts';
import { concordanceRepo } from './concordance-repo.ts';
import { documentLifecycleRepo } from './document-lifecycle-repo.ts';
import { documentsRepo, documentTransferRepo } from './documents-repo.ts';
import { editBatchesRepo } from './edit-batches-repo.ts';
import { glossaryRepo } from './glossary-repo.ts';
import { jobsRepo } from './jobs-repo.ts';
import { loginCounters, loginDevicesRepo } from './login-counters-repo.ts';
import { memoryRepo } from './memory-repo.ts';
import { pairsRepo } from './pairs-repo.ts';
import type { Repositories, Store, Tx, Work } from './store.ts';
import { storageError } from './storage-errors.ts';

export interface SqliteStoreHooks {
  /** Runs around each write transaction, e.g. a work thread telling the request thread it holds the write lock. */
  aroundWrite?: <T>(write: () => Promise<T>) => Promise<T>;
}

export function repositories(db: Db): Repositories {
  return {
    pairs: pairsRepo(db), batches: editBatchesRepo(db), comments: commentsRepo(db), documents: documentsRepo(db), transfer: documentTransferRepo(db), lifecycle: documentLifecycleRepo(db),
    alignment: alignmentRepo(db), charts: chartsRepo(db),
    accounts: accountsRepo(db), access: accessRepo(db), glossary: glossaryRepo(db), memory: memoryRepo(db), concordance: concordanceRepo(db), jobs: jobsRepo(db),
    loginCounters: loginCounters(db), loginDevices: loginDevicesRepo(db),
  };
}

// One queue per database file and thread: a second connection to the file on this thread (two stores, as tests
// start two servers in one process) would otherwise begin a write while the first one's callback awaits, and
// wait in SQLite's busy handler, blocking the very thread that has to finish the first.
const lanes = new Map<string, { tail: Promise<unknown> }>();

/**
 * A callback may await, and every request of this thread shares the connection: while one transaction is open
 * no other may begin, or its statements would run inside it. They queue instead; a callback awaits only its
 * repositories (answered at once here), so the queue moves within one turn of the event loop. (No
 * AsyncLocalStorage to let a nested call join the open transaction: on Node 20 it doubles the cost of every
 * promise in the process. A use case's helpers take its `tx` instead.)
 */
export function sqliteStore(db: Db, hooks: SqliteStoreHooks = {}): Store {
  const tx = repositories(db) as Tx;
  const begin = { read: db.prepare('BEGIN'), write: db.prepare('BEGIN IMMEDIATE') };
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const file = db.memory ? undefined : path.resolve(db.name);
  const lane = (file && lanes.get(file)) || { tail: Promise.resolve() as Promise<unknown> };
  if (file) lanes.set(file, lane);

  async function run<T>(kind: 'read' | 'write', work: Work<T>): Promise<Awaited<T>> {
    begin[kind].run();
    try {
      const value = await work(tx);
      commit.run();
      return value;
    } catch (err) {
      if (db.inTransaction) rollback.run();
      throw storageError(err);
    }
  }

  function transaction<T>(kind: 'read' | 'write', work: Work<T>): Promise<Awaited<T>> {
    const turn = lane.tail.then(() => (kind === 'write' && hooks.aroundWrite ? hooks.aroundWrite(() => run(kind, work)) : run(kind, work)));
    lane.tail = turn.catch(() => undefined);
    return turn;
  }

  return {
    read: (work) => transaction('read', work),
    glance: (work) => transaction('read', work),
    write: (work) => transaction('write', work),
    address: file,
    // The one process that opens the file first prepares it before any other starts (see main.ts).
    alone: (work) => work(),
    async close() {
      await lane.tail;
      db.close();
    },
  };
}

/** Opens (and migrates) the database file and the store on it. */
export function openStore(file: string, hooks?: SqliteStoreHooks): Store {
  return sqliteStore(openDatabase(file), hooks);
}
