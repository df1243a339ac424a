// The storage seam: a use case asks for a transaction and gets repositories bound to it; no driver leaves server/db.

import type { AccessRepo } from './access-repo.ts';
import type { AccountsRepo } from './accounts-repo.ts';
import type { AlignmentRepo } from './alignment-repo.ts';
import type { ChartsRepo } from './charts-repo.ts';
import type { CommentsRepo } from './comments-repo.ts';
import type { ConcordanceRepo } from './concordance-repo.ts';
import type { DocumentLifecycleRepo } from './document-lifecycle-repo.ts';
import type { DocumentsRepo, DocumentTransferRepo } from './documents-repo.ts';
import type { EditBatchesRepo } from './edit-batches-repo.ts';
import type { GlossaryRepo } from './glossary-repo.ts';
import type { JobsRepo } from './jobs-repo.ts';
import type { LoginDevicesRepo } from './login-counters-repo.ts';
import type { MemoryRepo } from './memory-repo.ts';
import type { PairsRepo } from './pairs-repo.ts';
import type { CounterStore } from '../domain/login-throttle.ts';

/** The repositories' method sets, as the SQLite ones define them. */
export interface Repositories {
  pairs: PairsRepo;
  batches: EditBatchesRepo;
  comments: CommentsRepo;
  documents: DocumentsRepo;
  transfer: DocumentTransferRepo;
  lifecycle: DocumentLifecycleRepo;
  alignment: AlignmentRepo;
  charts: ChartsRepo;
  accounts: AccountsRepo;
  access: AccessRepo;
  glossary: GlossaryRepo;
  jobs: JobsRepo;
  memory: MemoryRepo;
  concordance: ConcordanceRepo;
  loginCounters: CounterStore;
  loginDevices: LoginDevicesRepo;
}

/** Each method may answer now (SQLite) or later (a network database): a use case awaits every call. */
export type Async<R> = { [K in keyof R]: R[K] extends (...args: infer A) => infer T ? (...args: A) => T | Promise<T> : R[K] };

/** Repositories bound to one transaction. */
export type Tx = { [K in keyof Repositories]: Async<Repositories[K]> };

/**
 * A callback awaits only its repositories, never the network, a timer or the store itself (a transaction
 * inside another would wait for it): on SQLite the transaction holds the connection (and a write, the
 * database's write lock) until the callback settles. Helpers that work inside a use case's transaction take its `tx`.
 */
export type Work<T> = (tx: Tx) => T;

/**
 * A tally of the statements the driver executed, BEGIN and COMMIT included: each is a round trip on a network
 * database. Given when a database is opened (`openDatabase`, `openPostgres`), for tests and benches to count by.
 */
export interface StatementTally {
  statements: number;
  /** When present, the text of each statement, in order: the ceiling test names what a request ran. */
  texts?: string[];
}

export interface Store {
  /** Runs `work` on one consistent snapshot. */
  read<T>(work: Work<T>): Promise<Awaited<T>>;
  /**
   * Runs `work`, a read whose statements need not share a snapshot (each sees the latest commits), as the sign-in's
   * lookups: on a network database it spares the two round trips of BEGIN and COMMIT; on SQLite it is `read`.
   */
  glance<T>(work: Work<T>): Promise<Awaited<T>>;
  /** Runs `work` in one write transaction: all of it is stored, or (when it throws) none of it. */
  write<T>(work: Work<T>): Promise<Awaited<T>>;
  /** The database file or PostgreSQL URL, for a work thread to open its own store at; undefined for a database in memory. */
  readonly address: string | undefined;
  /**
   * Runs `work` while no other server on this database runs its own `alone` (first start: the admin account and the
   * demo are made once however many servers start at once). `work` uses the store as usual.
   */
  alone<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
