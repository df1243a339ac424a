-- Big exports as jobs (PostgreSQL version of ../024-export-jobs.sql): the kind 'export', and the file a finished export
-- made, in parts, in the database, so that a file written by one app server is downloaded through any other.
ALTER TABLE jobs DROP CONSTRAINT jobs_kind_valid;
ALTER TABLE jobs ADD CONSTRAINT jobs_kind_valid CHECK (kind IN ('translate', 'realign', 'import', 'export'));

-- An export job's file, part after part (each at most a few hundred KB), removed with its job or after the retention time.
CREATE TABLE job_files (
  job_id bigint NOT NULL CONSTRAINT job_files_job_fk REFERENCES jobs(id) ON DELETE CASCADE,
  part   integer NOT NULL CONSTRAINT job_files_part_valid CHECK (part >= 0),
  bytes  bytea NOT NULL,
  CONSTRAINT job_files_pk PRIMARY KEY (job_id, part)
);
-- Finished exports by age, for the sweep that removes their files after the retention time.
CREATE INDEX jobs_finished_exports ON jobs(finished_at) WHERE kind = 'export';
