// The databases the repository contract runs on: SQLite, its synchronous repositories wrapped async, and PostgreSQL.
// `contract(title, body)` declares the same cases once per database; each case gets a fresh, migrated database.

import Database from 'better-sqlite3';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { applyMigrations, readMigrations } from '../../../server/db/migrate.ts';
import { accessRepo as liteAccess } from '../../../server/db/access-repo.ts';
import { accountsRepo as liteAccounts } from '../../../server/db/accounts-repo.ts';
import { alignmentRepo as liteAlignment } from '../../../server/db/alignment-repo.ts';
import { chartsRepo as liteCharts } from '../../../server/db/charts-repo.ts';
import { commentsRepo as liteComments } from '../../../server/db/comments-repo.ts';
import { concordanceRepo as liteConcordance } from '../../../server/db/concordance-repo.ts';
import { documentLifecycleRepo as liteLifecycle } from '../../../server/db/document-lifecycle-repo.ts';
import { documentsRepo as liteDocuments, documentTransferRepo as liteTransfer } from '../../../server/db/documents-repo.ts';
import { glossaryRepo as liteGlossary } from '../../../server/db/glossary-repo.ts';
import { jobsRepo as liteJobs } from '../../../server/db/jobs-repo.ts';
import { loginCounters as liteCounters, loginDevicesRepo as liteDevices } from '../../../server/db/login-counters-repo.ts';
import { memoryRepo as liteMemory } from '../../../server/db/memory-repo.ts';
import { pairsRepo as litePairs } from '../../../server/db/pairs-repo.ts';
import { editBatchesRepo as liteBatches } from '../../../server/db/edit-batches-repo.ts';
import { accessRepo } from '../../../server/db/postgres/access-repo.ts';
import { accountsRepo } from '../../../server/db/postgres/accounts-repo.ts';
import { alignmentRepo } from '../../../server/db/postgres/alignment-repo.ts';
import { chartsRepo } from '../../../server/db/postgres/charts-repo.ts';
import { commentsRepo } from '../../../server/db/postgres/comments-repo.ts';
import { concordanceRepo } from '../../../server/db/postgres/concordance-repo.ts';
import { documentLifecycleRepo } from '../../../server/db/postgres/document-lifecycle-repo.ts';
import { inTransaction, type Sql } from '../../../server/db/postgres/connect.ts';
import { documentTransferRepo } from '../../../server/db/postgres/document-transfer-repo.ts';
import { documentsRepo } from '../../../server/db/postgres/documents-repo.ts';
import { glossaryRepo } from '../../../server/db/postgres/glossary-repo.ts';
import { jobsRepo } from '../../../server/db/postgres/jobs-repo.ts';
import { loginCounters, loginDevicesRepo } from '../../../server/db/postgres/login-counters-repo.ts';
import { memoryRepo } from '../../../server/db/postgres/memory-repo.ts';
import { applyPostgresMigrations, readPostgresMigrations } from '../../../server/db/postgres/migrate.ts';
import { pairsRepo } from '../../../server/db/postgres/pairs-repo.ts';
import { editBatchesRepo } from '../../../server/db/postgres/edit-batches-repo.ts';
import { createTestDatabase, describePostgres, keepSeed, type TestDatabase } from '../../support/postgres.ts';

const postgresRepos = (sql: Sql) => ({
  accounts: accountsRepo(sql), access: accessRepo(sql), documents: documentsRepo(sql), transfer: documentTransferRepo(sql),
  pairs: pairsRepo(sql), batches: editBatchesRepo(sql), alignment: alignmentRepo(sql), glossary: glossaryRepo(sql), memory: memoryRepo(sql),
  loginCounters: loginCounters(sql), loginDevices: loginDevicesRepo(sql), comments: commentsRepo(sql), lifecycle: documentLifecycleRepo(sql),
  charts: chartsRepo(sql),
  concordance: concordanceRepo(sql),
  jobs: jobsRepo(sql),
});
/** The contract's shape: the PostgreSQL repositories', which SQLite's, wrapped, must match. */
export type Repos = ReturnType<typeof postgresRepos>;

export interface ContractStore {
  kind: 'sqlite' | 'postgres';
  /** Repositories outside any transaction: each statement commits on its own. */
  repos: Repos;
  /** Repositories bound to one transaction, committed when `fn` resolves and rolled back when it throws. */
  transaction<T>(fn: (repos: Repos) => Promise<T>): Promise<T>;
  /** PostgreSQL only: a pool of its own, for tests that need several connections at once. */
  pool?: pg.Pool;
}

const isRunResult = (v: unknown): v is { changes: number } =>
  typeof v === 'object' && v !== null && 'changes' in v && 'lastInsertRowid' in v;
/** Every method answers a promise; a run result keeps only its row count. */
function wrapSync(repo: object): unknown {
  return Object.fromEntries(Object.entries(repo).map(([name, fn]) => [name, (...args: unknown[]) => {
    try {
      const result = (fn as (...a: unknown[]) => unknown)(...args);
      return Promise.resolve(isRunResult(result) ? { changes: result.changes } : result);
    } catch (error) {
      return Promise.reject(error);
    }
  }]));
}

function sqliteStore(): { store: ContractStore; close(): void } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, readMigrations());
  const repos = {
    accounts: wrapSync(liteAccounts(db)), access: wrapSync(liteAccess(db)), documents: wrapSync(liteDocuments(db)),
    transfer: wrapSync(liteTransfer(db)), pairs: wrapSync(litePairs(db)), batches: wrapSync(liteBatches(db)), alignment: wrapSync(liteAlignment(db)),
    glossary: wrapSync(liteGlossary(db)), memory: wrapSync(liteMemory(db)), loginCounters: wrapSync(liteCounters(db)),
    loginDevices: wrapSync(liteDevices(db)), comments: wrapSync(liteComments(db)), lifecycle: wrapSync(liteLifecycle(db)),
    charts: wrapSync(liteCharts(db)),
    concordance: wrapSync(liteConcordance(db)),
    jobs: wrapSync(liteJobs(db)),
  } as Repos;
  const store: ContractStore = {
    kind: 'sqlite', repos,
    async transaction(fn) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(repos);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
  };
  return { store, close: () => db.close() };
}

/** Declares `body`'s cases on SQLite and on PostgreSQL (skipped, or failing under REQUIRE_POSTGRES=1, without it). */
export function contract(title: string, body: (store: () => ContractStore) => void): void {
  describe(`${title} (SQLite)`, () => {
    let current: ReturnType<typeof sqliteStore>;
    beforeEach(() => {
      current = sqliteStore();
    });
    afterEach(() => current.close());
    body(() => current.store);
  });

  describePostgres(`${title} (PostgreSQL)`, () => {
    let database: TestDatabase;
    let reset: () => Promise<void>;
    beforeAll(async () => {
      database = await createTestDatabase();
      await applyPostgresMigrations(database.pool, readPostgresMigrations());
      reset = await keepSeed(database.pool);
    });
    afterAll(async () => database?.drop());
    // Back to the freshly migrated state before each case, as SQLite's new in-memory database is.
    beforeEach(async () => reset());
    body(() => ({
      kind: 'postgres', repos: postgresRepos(database.pool), pool: database.pool,
      transaction: (fn) => inTransaction(database.pool, (client) => fn(postgresRepos(client))),
    }));
  });
}
