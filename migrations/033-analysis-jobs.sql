-- A big document's match analysis as a job: the kind 'analysis' (services/match-analysis.ts).
-- SQLite cannot change a CHECK constraint: the jobs table is made again with the new kind, its rows kept. Dropping it
-- would also delete the export files that refer to it (foreign keys are on, and cannot be turned off inside the
-- migration's transaction), so they are set aside first and put back.
CREATE TEMP TABLE job_files_kept AS SELECT job_id, part, bytes FROM job_files;
DROP TABLE job_files;
CREATE TABLE jobs_next (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CONSTRAINT jobs_kind_valid CHECK (kind IN ('translate', 'realign', 'import', 'export', 'analysis')),
  document_id INTEGER CONSTRAINT jobs_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  created_by  INTEGER CONSTRAINT jobs_author_fk REFERENCES users(id) ON DELETE SET NULL,
  input       TEXT NOT NULL,
  state       TEXT NOT NULL DEFAULT 'queued' CONSTRAINT jobs_state_valid CHECK (state IN ('queued', 'running', 'done', 'failed')),
  done        INTEGER NOT NULL DEFAULT 0,
  total       INTEGER,
  attempts    INTEGER NOT NULL DEFAULT 0,
  result      TEXT,
  error       TEXT,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  finished_at TEXT,
  skipped     INTEGER NOT NULL DEFAULT 0 CONSTRAINT jobs_skipped_valid CHECK (skipped >= 0)
);
INSERT INTO jobs_next (id, kind, document_id, created_by, input, state, done, total, attempts, result, error, created_at, finished_at, skipped)
  SELECT id, kind, document_id, created_by, input, state, done, total, attempts, result, error, created_at, finished_at, skipped FROM jobs;
DROP TABLE jobs;
ALTER TABLE jobs_next RENAME TO jobs;
CREATE INDEX jobs_unfinished ON jobs(state) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_document ON jobs(document_id);
CREATE INDEX jobs_finished_exports ON jobs(finished_at) WHERE kind = 'export';

CREATE TABLE job_files (
  job_id INTEGER NOT NULL CONSTRAINT job_files_job_fk REFERENCES jobs(id) ON DELETE CASCADE,
  part   INTEGER NOT NULL CONSTRAINT job_files_part_valid CHECK (part >= 0),
  bytes  BLOB NOT NULL,
  CONSTRAINT job_files_pk PRIMARY KEY (job_id, part)
) WITHOUT ROWID;
INSERT INTO job_files SELECT job_id, part, bytes FROM job_files_kept;
DROP TABLE job_files_kept;
