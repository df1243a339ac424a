// SQL for stored jobs: their record, progress and outcome (the queue that runs them is elsewhere: services/job-runners).

import type { Db } from './open-database.ts';

export type JobKind = 'translate' | 'realign' | 'import' | 'export' | 'analysis';
export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface NewJob {
  kind: JobKind;
  documentId: number | null;
  createdBy: number | null;
  /** JSON of what the job needs to run (again). */
  input: string;
}

export interface JobRow {
  id: number;
  kind: JobKind;
  documentId: number | null;
  createdBy: number | null;
  state: JobState;
  done: number;
  total: number | null;
  /** An import's units left out for want of Chinese or English, stored when it named its document (migration 029). */
  skipped: number;
  attempts: number;
  /** JSON, see migrations/021-jobs.sql. */
  result: string | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** A job of a kind on a document, as `recent` finds it to be joined or its result used again. */
export interface RecentJob {
  id: number;
  state: JobState;
  input: string;
  result: string | null;
}

/** How many of a document's jobs `recent` looks at: its latest states, while one user's change follows another. */
export const RECENT = 20;

const COLUMNS = `id, kind, document_id AS documentId, created_by AS createdBy, state, done, total, skipped, attempts, result, error,
  created_at AS createdAt, finished_at AS finishedAt`;
const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

export function jobsRepo(db: Db) {
  const q = {
    insert: db.prepare('INSERT INTO jobs (kind, document_id, created_by, input) VALUES (?, ?, ?, ?) RETURNING id').pluck(),
    get: db.prepare(`SELECT ${COLUMNS} FROM jobs WHERE id = ?`),
    input: db.prepare('SELECT input FROM jobs WHERE id = ?').pluck(),
    begin: db.prepare("UPDATE jobs SET state = 'running', attempts = attempts + 1 WHERE id = ? AND state IN ('queued', 'running')"),
    progress: db.prepare("UPDATE jobs SET done = ?, total = ? WHERE id = ? AND state = 'running'"),
    attach: db.prepare('UPDATE jobs SET document_id = ?, skipped = ? WHERE id = ? AND document_id IS NULL'),
    finish: db.prepare(`UPDATE jobs SET state = 'done', result = ?, document_id = coalesce(?, document_id), done = coalesce(total, done),
      input = '{}', finished_at = ${NOW} WHERE id = ? AND state = 'running'`),
    fail: db.prepare(`UPDATE jobs SET state = 'failed', error = ?, input = '{}', finished_at = ${NOW} WHERE id = ? AND state IN ('queued', 'running')`),
    unfinished: db.prepare("SELECT id FROM jobs WHERE state IN ('queued', 'running') ORDER BY id").pluck(),
    recent: db.prepare(`SELECT id, state, input, result FROM jobs WHERE document_id = ? AND kind = ? AND state <> 'failed'
      ORDER BY id DESC LIMIT ${RECENT}`),
    addFilePart: db.prepare('INSERT INTO job_files (job_id, part, bytes) VALUES (?, ?, ?)'),
    filePart: db.prepare('SELECT bytes FROM job_files WHERE job_id = ? AND part = ?').pluck(),
    dropFile: db.prepare('DELETE FROM job_files WHERE job_id = ?'),
    dropFilesBefore: db.prepare(`DELETE FROM job_files WHERE job_id IN
      (SELECT id FROM jobs WHERE kind = 'export' AND finished_at < ?)`),
  };
  return {
    insert: (job: NewJob) => q.insert.get(job.kind, job.documentId, job.createdBy, job.input) as number,
    get: (id: number) => q.get.get(id) as JobRow | undefined,
    input: (id: number) => q.input.get(id) as string | undefined,
    /** The job is (again) being worked on: false when it has already ended. */
    begin: (id: number) => q.begin.run(id).changes === 1,
    progress: (id: number, done: number, total: number | null) => q.progress.run(done, total, id).changes === 1,
    /**
     * Names the document an import made, with the units it skipped, in the import's transaction: false when another run
     * of the job named one first.
     */
    attach: (id: number, documentId: number, skipped = 0) => q.attach.run(documentId, skipped, id).changes === 1,
    finish: (id: number, result: string, documentId: number | null) => q.finish.run(result, documentId, id).changes === 1,
    fail: (id: number, error: string) => q.fail.run(error, id).changes === 1,
    /** Jobs queued or running, oldest first: on SQLite, what a server starting finds left by the last one. */
    unfinished: () => q.unfinished.all() as number[],
    /** The last few jobs of a kind on a document not failed, newest first, with their input and result (JSON). */
    recent: (documentId: number, kind: JobKind) => q.recent.all(documentId, kind) as RecentJob[],
    /** Stores part `part` (0, 1, …) of the file an export job makes. */
    addFilePart: (id: number, part: number, bytes: Uint8Array): void => {
      q.addFilePart.run(id, part, bytes);
    },
    /** Part `part` of a job's file, or undefined past its end (or once it was removed). */
    filePart: (id: number, part: number) => q.filePart.get(id, part) as Buffer | undefined,
    /** Removes a job's file: a run begun again makes it anew. */
    dropFile: (id: number): void => {
      q.dropFile.run(id);
    },
    /** Removes the files of export jobs that ended before `cutoff` (an ISO time); answers how many parts went. */
    dropFilesBefore: (cutoff: string) => q.dropFilesBefore.run(cutoff).changes,
  };
}
export type JobsRepo = ReturnType<typeof jobsRepo>;
