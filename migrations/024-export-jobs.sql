-- Big exports as jobs: the kind 'export', and the file a finished export made, in parts, so that any server on the
-- database can send it (on PostgreSQL a file written by one app server is downloaded through another).
-- SQLite cannot change a CHECK constraint: the jobs table is made again with the new kind, its rows kept.
CREATE TABLE jobs_next (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CONSTRAINT jobs_kind_valid CHECK (kind IN ('translate', 'realign', 'import', 'export')),
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
  finished_at TEXT
);
INSERT INTO jobs_next SELECT id, kind, document_id, created_by, input, state, done, total, attempts, result, error, created_at, finished_at FROM jobs;
DROP TABLE jobs;
ALTER TABLE jobs_next RENAME TO jobs;
CREATE INDEX jobs_unfinished ON jobs(state) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_document ON jobs(document_id);

-- An export job's file, part after part (each at most a few hundred KB), removed with its job or after the retention time.
CREATE TABLE job_files (
  job_id INTEGER NOT NULL CONSTRAINT job_files_job_fk REFERENCES jobs(id) ON DELETE CASCADE,
  part   INTEGER NOT NULL CONSTRAINT job_files_part_valid CHECK (part >= 0),
  bytes  BLOB NOT NULL,
  CONSTRAINT job_files_pk PRIMARY KEY (job_id, part)
) WITHOUT ROWID;
-- Finished exports by age, for the sweep that removes their files after the retention time.
CREATE INDEX jobs_finished_exports ON jobs(finished_at) WHERE kind = 'export';
