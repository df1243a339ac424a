// The store on PostgreSQL: each transaction on a connection of the pool of its own, so transactions of many requests
// (and of many servers) run at once; the SQL of the repositories keeps them correct.

import type { RunResult } from 'better-sqlite3';
import type pg from 'pg';
import type { Repositories, Store, Tx, Work } from '../store.ts';
import { accessRepo } from './access-repo.ts';
import { accountsRepo } from './accounts-repo.ts';
import { alignmentRepo } from './alignment-repo.ts';
import { chartsRepo } from './charts-repo.ts';
import { commentsRepo } from './comments-repo.ts';
import { concordanceRepo } from './concordance-repo.ts';
import { openPostgres, preparing, type PostgresPool, type Sql } from './connect.ts';
import { connectionTurns } from './connection-turns.ts';
import { DEFAULT_POOL } from '../database-address.ts';
import { storageError } from '../storage-errors.ts';
import { documentLifecycleRepo } from './document-lifecycle-repo.ts';
import { documentTransferRepo } from './document-transfer-repo.ts';
import { documentsRepo } from './documents-repo.ts';
import { editBatchesRepo } from './edit-batches-repo.ts';
import { glossaryRepo } from './glossary-repo.ts';
import { jobsRepo } from './jobs-repo.ts';
import { loginCounters, loginDevicesRepo } from './login-counters-repo.ts';
import { memoryRepo } from './memory-repo.ts';
import { applyPostgresMigrations, readPostgresMigrations } from './migrate.ts';
import { pairsRepo } from './pairs-repo.ts';

// The SQLite repositories' writes answer better-sqlite3's RunResult; here they answer its row count alone, which is all
// any caller reads (no lastInsertRowid: ids come back from RETURNING).
type Changes<T> = T extends RunResult ? { changes: number } : T;
type ReportingChanges<X> = {
  [K in keyof X]: { [M in keyof X[K]]: X[K][M] extends (...args: infer A) => infer R ? (...args: A) => Changes<Awaited<R>> | Promise<Changes<Awaited<R>>> : X[K][M] };
};

// Each repository is a set of closures over its connection: built only when a use case first asks for it, since a
// request touches three or four of the sixteen, and building them all cost ~190 KB of garbage per request under load.
const REPOSITORIES = {
  pairs: pairsRepo, batches: editBatchesRepo, comments: commentsRepo, documents: documentsRepo, transfer: documentTransferRepo,
  lifecycle: documentLifecycleRepo, alignment: alignmentRepo,
  accounts: accountsRepo, access: accessRepo, glossary: glossaryRepo, memory: memoryRepo, concordance: concordanceRepo, jobs: jobsRepo,
  loginCounters, loginDevices: loginDevicesRepo, charts: chartsRepo,
} satisfies Record<keyof Repositories, (sql: Sql) => unknown>;
type Built = { [K in keyof typeof REPOSITORIES]: ReturnType<(typeof REPOSITORIES)[K]> };
// The shape is checked here: a PostgreSQL repository must offer what its SQLite twin does.
const checked: ReportingChanges<Tx> = {} as Built;
void checked;

class BoundRepositories {
  constructor(readonly sql: Sql) {}
}
for (const [name, build] of Object.entries(REPOSITORIES)) {
  Object.defineProperty(BoundRepositories.prototype, name, {
    get(this: BoundRepositories) {
      const repository = build(this.sql);
      Object.defineProperty(this, name, { value: repository });
      return repository;
    },
  });
}

/** The repositories bound to `sql`, in the shape the store hands to a use case. */
export function postgresRepositories(sql: Sql): Tx {
  return new BoundRepositories(sql) as unknown as Tx;
}

const BEGIN = {
  // A read sees one snapshot, as SQLite's deferred transaction does.
  read: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  // Writes run at read committed: every guarantee they need is a version condition or a row lock in their SQL.
  write: 'BEGIN',
  // Each statement on its own (autocommit).
  glance: undefined,
};
type Kind = keyof typeof BEGIN;

/** Any fixed number that other applications on the database do not use as an advisory lock key. */
const ALONE_LOCK = 0x6475_6972; // "duir"

/**
 * A transaction begun inside another's callback would wait on a second connection for locks the first one holds (on
 * SQLite, for the first to end): it is refused. The check looks for the frame below which every callback runs in the
 * call's async stack trace, which V8 keeps along `await` chains at no cost until it is read (a nested call reached
 * only through a promise returned without `await` is missed). An AsyncLocalStorage per transaction would see every
 * one, but on Node 20 it makes every promise of the process dearer; reading some 40 frames, unformatted, costs tens
 * of microseconds per transaction.
 */
function beganInsideTransaction(): boolean {
  const [prepare, limit] = [Error.prepareStackTrace, Error.stackTraceLimit];
  Error.prepareStackTrace = (_error, frames) => frames.some((frame) => frame.getFunctionName() === insideStoreTransaction.name);
  Error.stackTraceLimit = 40;
  try {
    return new Error().stack as unknown as boolean;
  } finally {
    [Error.prepareStackTrace, Error.stackTraceLimit] = [prepare, limit];
  }
}

// Reading the stack cost ~5 % of a loaded server's main thread (three transactions a request, perf under the load
// bench). Under test every transaction is checked (vitest sets DUIQI_STRICT_TRANSACTIONS=1, and the servers tests start
// inherit it); in service one in 32, which still refuses a use case that nests within its first few dozen runs.
const CHECK_EVERY = process.env.DUIQI_STRICT_TRANSACTIONS === '1' ? 1 : 32;
let sinceCheck = 0;

// Named for the stack check above: every callback runs below this frame (a sync one until it first awaits, then an async one).
async function insideStoreTransaction<T>(client: pg.PoolClient, kind: Kind, work: Work<T>): Promise<Awaited<T>> {
  const begin = BEGIN[kind];
  if (begin) await client.query(begin);
  const value = await work(postgresRepositories(preparing(client)));
  if (begin) await client.query('COMMIT');
  return value;
}

export function postgresStore(pool: PostgresPool, url?: string): Store {
  const turns = connectionTurns(pool.options.max);
  async function connect(first: boolean): Promise<pg.PoolClient> {
    await turns.take(first);
    try {
      return await pool.connect();
    } catch (error) {
      turns.give();
      throw storageError(error);
    }
  }
  const release = (client: pg.PoolClient) => {
    client.release();
    turns.give();
  };

  async function transaction<T>(kind: Kind, work: Work<T>, first: boolean): Promise<Awaited<T>> {
    if (++sinceCheck >= CHECK_EVERY && ((sinceCheck = 0), beganInsideTransaction())) {
      throw new Error(`A ${kind} transaction cannot begin inside another: pass the open transaction's repositories instead.`);
    }
    const client = await connect(first);
    try {
      return await insideStoreTransaction(client, kind, work);
    } catch (error) {
      if (BEGIN[kind]) await client.query('ROLLBACK').catch(() => undefined);
      throw storageError(error);
    } finally {
      release(client);
    }
  }

  return {
    read: (work) => transaction('read', work, false),
    glance: (work, options) => transaction('glance', work, options?.first ?? false),
    write: (work) => transaction('write', work, true),
    address: url,
    async alone(work) {
      // A session lock on a connection of its own: `work` runs its transactions on the others.
      const client = await connect(true);
      try {
        await client.query('SELECT pg_advisory_lock($1)', [ALONE_LOCK]);
        try {
          return await work();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [ALONE_LOCK]);
        }
      } finally {
        release(client);
      }
    },
    close: () => pool.end(),
  };
}

/** Opens a pool on `url`, migrates the database (several servers may do so at once) and returns the store on it. */
export async function openPostgresStore(url: string, connections = DEFAULT_POOL): Promise<Store> {
  const pool = openPostgres(url, connections);
  await applyPostgresMigrations(pool, readPostgresMigrations());
  return postgresStore(pool, url);
}
