-- Long work (machine translation, realign, imports) as stored jobs (PostgreSQL version of ../021-jobs.sql): what the
-- browser and the API poll. pg-boss, in its own schema, hands them to the servers; this table is what users see.
CREATE TABLE jobs (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind        text NOT NULL CONSTRAINT jobs_kind_valid CHECK (kind IN ('translate', 'realign', 'import')),
  -- The document worked on; an import's once it exists. Its access rules are the job's.
  document_id bigint CONSTRAINT jobs_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  created_by  bigint CONSTRAINT jobs_author_fk REFERENCES users(id) ON DELETE SET NULL,
  -- What the job needs to run again on any server (an import's files); emptied when it ends.
  input       text NOT NULL,
  state       text NOT NULL DEFAULT 'queued' CONSTRAINT jobs_state_valid CHECK (state IN ('queued', 'running', 'done', 'failed')),
  done        integer NOT NULL DEFAULT 0,
  -- NULL while the amount of work is not known yet.
  total       integer,
  -- How many times a server began it: a job that stops its server each time is failed rather than retried forever.
  attempts    integer NOT NULL DEFAULT 0,
  -- JSON: the result's sentence as an i18next key with its values, or the error's status, sentence and key.
  result      text,
  error       text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_unfinished ON jobs(state) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_document ON jobs(document_id);
