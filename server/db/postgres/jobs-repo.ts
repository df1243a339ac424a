// SQL for stored jobs, on PostgreSQL (see ../jobs-repo.ts).

import { RECENT, type JobKind, type JobRow, type NewJob, type RecentJob } from '../jobs-repo.ts';
import { column, one, row, rows, run, type Sql } from './connect.ts';

const COLUMNS = `id, kind, document_id AS "documentId", created_by AS "createdBy", state, done, total, skipped, attempts, result, error,
  created_at AS "createdAt", finished_at AS "finishedAt"`;

export function jobsRepo(sql: Sql) {
  return {
    insert: async (job: NewJob) => (await one<number>(sql,
      'INSERT INTO jobs (kind, document_id, created_by, input) VALUES ($1, $2, $3, $4) RETURNING id', [job.kind, job.documentId, job.createdBy, job.input]))!,
    get: (id: number) => row<JobRow>(sql, `SELECT ${COLUMNS} FROM jobs WHERE id = $1`, [id]),
    input: (id: number) => one<string>(sql, 'SELECT input FROM jobs WHERE id = $1', [id]),
    begin: async (id: number) => (await run(sql,
      "UPDATE jobs SET state = 'running', attempts = attempts + 1 WHERE id = $1 AND state IN ('queued', 'running')", [id])).changes === 1,
    progress: async (id: number, done: number, total: number | null) => (await run(sql,
      "UPDATE jobs SET done = $1, total = $2 WHERE id = $3 AND state = 'running'", [done, total, id])).changes === 1,
    attach: async (id: number, documentId: number, skipped = 0) => (await run(sql,
      'UPDATE jobs SET document_id = $1, skipped = $2 WHERE id = $3 AND document_id IS NULL', [documentId, skipped, id])).changes === 1,
    finish: async (id: number, result: string, documentId: number | null) => (await run(sql,
      `UPDATE jobs SET state = 'done', result = $1, document_id = coalesce($2, document_id), done = coalesce(total, done),
       input = '{}', finished_at = now() WHERE id = $3 AND state = 'running'`, [result, documentId, id])).changes === 1,
    fail: async (id: number, error: string) => (await run(sql,
      "UPDATE jobs SET state = 'failed', error = $1, input = '{}', finished_at = now() WHERE id = $2 AND state IN ('queued', 'running')", [error, id])).changes === 1,
    unfinished: () => column<number>(sql, "SELECT id FROM jobs WHERE state IN ('queued', 'running') ORDER BY id"),
    recent: (documentId: number, kind: JobKind) => rows<RecentJob>(sql, `SELECT id, state, input, result FROM jobs
      WHERE document_id = $1 AND kind = $2 AND state <> 'failed' ORDER BY id DESC LIMIT ${RECENT}`, [documentId, kind]),
    addFilePart: async (id: number, part: number, bytes: Uint8Array) => {
      await sql.query('INSERT INTO job_files (job_id, part, bytes) VALUES ($1, $2, $3)', [id, part, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
    },
    filePart: (id: number, part: number) => one<Buffer>(sql, 'SELECT bytes FROM job_files WHERE job_id = $1 AND part = $2', [id, part]),
    dropFile: async (id: number) => {
      await sql.query('DELETE FROM job_files WHERE job_id = $1', [id]);
    },
    dropFilesBefore: async (cutoff: string) => (await run(sql, `DELETE FROM job_files WHERE job_id IN
      (SELECT id FROM jobs WHERE kind = 'export' AND finished_at < $1::timestamptz)`, [cutoff])).changes,
  };
}
export type JobsRepo = ReturnType<typeof jobsRepo>;
