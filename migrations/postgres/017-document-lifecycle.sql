-- Documents are renamed, archived and deleted to a trash, then restored or purged after 30 days (PostgreSQL version
-- of ../017-document-lifecycle.sql).
ALTER TABLE documents ADD COLUMN archived_at timestamptz;
ALTER TABLE documents ADD COLUMN trashed_at timestamptz;
ALTER TABLE documents ADD COLUMN trashed_by bigint CONSTRAINT documents_trasher_fk REFERENCES users(id) ON DELETE SET NULL;
-- The last rename, archiving or restore: activity on the document itself, beside its pairs' revisions.
ALTER TABLE documents ADD COLUMN changed_at timestamptz;
CREATE INDEX documents_trashed ON documents(trashed_at) WHERE trashed_at IS NOT NULL;
-- A document's last activity is its newest revision: one index seek per document instead of a scan.
CREATE INDEX revisions_document_time ON revisions(document_id, created_at);

-- What the trash purged. The identity sequence never hands a purged id out again (SQLite needs this table for that);
-- here it keeps the record, and tells a workbench whose trash was emptied from a new one.
CREATE TABLE purged_documents (
  id          bigint PRIMARY KEY,
  title       text NOT NULL,
  trashed_at  timestamptz,
  purged_at   timestamptz NOT NULL
);
