-- Long work (machine translation, realign, imports) as stored jobs: what the browser and the API poll, and what a
-- restarted server resumes or fails with a message. (019-020 belong to other branches.)
CREATE TABLE jobs (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CONSTRAINT jobs_kind_valid CHECK (kind IN ('translate', 'realign', 'import')),
  -- The document worked on; an import's once it exists. Its access rules are the job's.
  document_id INTEGER CONSTRAINT jobs_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  created_by  INTEGER CONSTRAINT jobs_author_fk REFERENCES users(id) ON DELETE SET NULL,
  -- What the job needs to run again after a restart (an import's files); emptied when it ends.
  input       TEXT NOT NULL,
  state       TEXT NOT NULL DEFAULT 'queued' CONSTRAINT jobs_state_valid CHECK (state IN ('queued', 'running', 'done', 'failed')),
  done        INTEGER NOT NULL DEFAULT 0,
  -- NULL while the amount of work is not known yet.
  total       INTEGER,
  -- How many times a server began it: a job that stops its server each time is failed rather than retried forever.
  attempts    INTEGER NOT NULL DEFAULT 0,
  -- JSON: the result's sentence as an i18next key with its values, or the error's status, sentence and key.
  result      TEXT,
  error       TEXT,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  finished_at TEXT
);
CREATE INDEX jobs_unfinished ON jobs(state) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_document ON jobs(document_id);
