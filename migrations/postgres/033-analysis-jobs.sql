-- A big document's match analysis as a job (PostgreSQL version of ../033-analysis-jobs.sql): the kind 'analysis'.
ALTER TABLE jobs DROP CONSTRAINT jobs_kind_valid;
ALTER TABLE jobs ADD CONSTRAINT jobs_kind_valid CHECK (kind IN ('translate', 'realign', 'import', 'export', 'analysis'));
