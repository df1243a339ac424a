-- How many units of a bilingual file an import job skipped, stored with the document it names in the import's
-- transaction: a job resumed after its server stopped says the same as one that ran through (services/job-handlers.ts).
ALTER TABLE jobs ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0 CONSTRAINT jobs_skipped_valid CHECK (skipped >= 0);
