// Use cases of long work as stored jobs: start one, see it (its progress, result or error), and run it when a queue hands it over.

import type { Store } from '../db/store.ts';
import type { JobKind, JobRow } from '../db/jobs-repo.ts';
import { errorFromParts, errorParts, NotFoundError, type ErrorParts } from '../domain/errors.ts';
import { mayOpen } from './document-access.ts';
import type { User } from './accounts.ts';
import type { Chore } from './job-chores.ts';

/**
 * Hands stored jobs to a server to run. Two implementations, as the repositories have: in this process (SQLite,
 * see job-queue-in-process.ts) and pg-boss on PostgreSQL, where any app server may take any job (job-queue-pg-boss.ts).
 */
export interface JobQueue {
  /** Asks for job `id` to be run (by `run` of `start`), on this server or another. */
  enqueue(id: number): Promise<void>;
  /** Begins running jobs, this server's and (where the queue knows them) those a stopped server left, and doing `chores`. */
  start(run: (id: number) => Promise<void>, chores?: readonly Chore[]): Promise<void>;
  /** Stops taking jobs and doing chores; resolves once the jobs running here have ended. */
  stop(): Promise<void>;
}

/** The sentence a job ends with, as an i18next key and its values (the reader's language is chosen when shown). */
export interface JobOutcome {
  key: string;
  params: Record<string, unknown>;
  /** What the job made, for API clients: e.g. `{translated, engine}`. */
  value: Record<string, unknown>;
  /** The document an import made. */
  documentId?: number;
  /** Sentences that follow the first, for what the user should know about the result: units an import skipped. */
  notes?: { key: string; params: Record<string, unknown> }[];
}

export interface RunningJob {
  id: number;
  user: User;
  documentId: number | null;
  input: Record<string, unknown>;
  /** Progress as it was when the server running the job last stopped: 0 on a first run. */
  done: number;
  /** The units an import skipped, stored with its document: what a run resumed after the import committed reports. */
  skipped: number;
  /** Stores progress, for the browser and the API to show; `total` null while unknown. */
  progress(done: number, total: number | null): Promise<void>;
}

export type JobHandler = (job: RunningJob) => Promise<JobOutcome>;

/** A job's record as its readers see it; `error` is the thrown error's status, sentence and key. */
export interface JobView extends Omit<JobRow, 'result' | 'error'> {
  result: JobOutcome | null;
  error: ErrorParts | null;
}

/** A job that stopped its server this many times is failed rather than begun again. */
export const MAX_ATTEMPTS = 3;

/** How often a request waiting on a job (the synchronous API) looks at its record when another server may run it. */
const WAIT_POLL_MS = 250;

const view = (row: JobRow): JobView => ({
  ...row,
  result: row.result ? (JSON.parse(row.result) as JobOutcome) : null,
  error: row.error ? (JSON.parse(row.error) as ErrorParts) : null,
});

export function jobs(store: Store, queue: JobQueue, handlers: Record<JobKind, JobHandler>) {
  // Requests of this process waiting on a job: told at once when it ends here, else they look again after WAIT_POLL_MS.
  const waiters = new Map<number, Set<() => void>>();
  const ended = (id: number) => waiters.get(id)?.forEach((wake) => wake());

  /** Runs one job given by the queue: at most MAX_ATTEMPTS begins, its outcome or its error stored. */
  async function run(id: number): Promise<void> {
    const begun = await store.write(async (tx) => {
      if (!(await tx.jobs.begin(id))) return undefined;
      const row = (await tx.jobs.get(id))!;
      return { row, input: JSON.parse((await tx.jobs.input(id))!) as { user: User } & Record<string, unknown> };
    });
    if (!begun) return;
    // Which server runs which job, for whoever reads the logs of several.
    console.log(`Job ${id} (${begun.row.kind}) began, attempt ${begun.row.attempts}.`);
    try {
      await runBegun(id, begun.row, begun.input);
    } finally {
      ended(id);
    }
  }

  async function runBegun(id: number, row: JobRow, input: { user: User } & Record<string, unknown>): Promise<void> {
    if (row.attempts > MAX_ATTEMPTS) {
      await fail(id, { status: 500, message: `The server stopped ${MAX_ATTEMPTS} times while running this job; it was not begun again.`, key: 'jobs.gaveUp', params: { count: MAX_ATTEMPTS } });
      return;
    }
    const job: RunningJob = {
      id, user: input.user, documentId: row.documentId, input, done: row.done, skipped: row.skipped,
      progress: async (done, total) => {
        await store.write((tx) => tx.jobs.progress(id, done, total));
      },
    };
    let outcome: JobOutcome;
    try {
      outcome = await handlers[row.kind](job);
    } catch (err) {
      await fail(id, errorParts(err));
      return;
    }
    await store.write((tx) => tx.jobs.finish(id, JSON.stringify(outcome), outcome.documentId ?? null));
  }

  async function fail(id: number, error: ErrorParts): Promise<void> {
    // A server error's stack is for the log; the job says only that it failed.
    if (error.status === 500 && !error.key) {
      console.error(`Job ${id} failed: ${error.message}`);
      error = { status: 500, message: 'Something went wrong on the server. The error was logged.', key: 'errors.server' };
    }
    await store.write((tx) => tx.jobs.fail(id, JSON.stringify(error)));
  }

  /** The job if `user` may see it: its starter, an admin, or anyone who may open its document (an analysis: only the last); else 404. */
  async function get(user: User, id: number): Promise<JobView> {
    const row = await store.read(async (tx) => {
      const job = await tx.jobs.get(id);
      if (!job) return undefined;
      // An analysis is the document's figures: it answers to the document's rule at the time, not to who started it.
      const mine = job.kind !== 'analysis' && (job.createdBy === user.id || user.role === 'admin');
      return mine || (job.documentId !== null && (await mayOpen(tx, user, job.documentId))) ? job : undefined;
    });
    if (!row) throw new NotFoundError(`There is no job ${id}.`, 'jobs.notFound', { id });
    return view(row);
  }

  return {
    /** Stores the job and hands it to the queue; the caller has checked that `user` may do it. */
    async create(user: User, kind: JobKind, documentId: number | null, input: Record<string, unknown> = {}): Promise<JobView> {
      const id = await store.write((tx) => tx.jobs.insert({
        kind, documentId, createdBy: user.id, input: JSON.stringify({ ...input, user: { id: user.id, name: user.name, role: user.role } }),
      }));
      await queue.enqueue(id);
      return get(user, id);
    },

    get,

    /**
     * Waits for the job to end and answers its outcome, or throws its error as the request would have: the API's
     * synchronous path, for clients that do not ask for `Prefer: respond-async`. The job runs whether or not anyone waits.
     */
    async outcome(user: User, id: number): Promise<JobOutcome> {
      const job = await settled(user, id, Infinity);
      if (job.state === 'failed') throw errorFromParts(job.error!);
      return job.result!;
    },

    settled,

    /** Begins running jobs from the queue (on SQLite also those the last server left unfinished), and the chores with them. */
    serve: (chores: readonly Chore[] = []) => queue.start(run, chores),
    stop: () => queue.stop(),
  };

  /** The job once it has ended, or as it is after `withinMs`. */
  async function settled(user: User, id: number, withinMs: number): Promise<JobView> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const job = await get(user, id);
      if (job.state === 'done' || job.state === 'failed' || Date.now() >= deadline) return job;
      await endOrTimeout(id, Math.min(WAIT_POLL_MS, deadline - Date.now()));
    }
  }

  function endOrTimeout(id: number, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        const set = waiters.get(id)!;
        set.delete(wake);
        if (set.size === 0) waiters.delete(id);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      waiters.set(id, (waiters.get(id) ?? new Set()).add(wake));
    });
  }
}
export type Jobs = ReturnType<typeof jobs>;
