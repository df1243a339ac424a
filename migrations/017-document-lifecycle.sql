-- Documents are managed: renamed, archived (hidden from the default list) and deleted to a trash from which they
-- are restored, or purged after 30 days. Times are ISO text like every other column, set by the application.
ALTER TABLE documents ADD COLUMN archived_at TEXT;
ALTER TABLE documents ADD COLUMN trashed_at TEXT;
ALTER TABLE documents ADD COLUMN trashed_by INTEGER CONSTRAINT documents_trasher_fk REFERENCES users(id) ON DELETE SET NULL;
-- The last rename, archiving or restore: activity on the document itself, beside its pairs' revisions.
ALTER TABLE documents ADD COLUMN changed_at TEXT;
CREATE INDEX documents_trashed ON documents(trashed_at) WHERE trashed_at IS NOT NULL;
-- A document's last activity is its newest revision: one index seek per document instead of a scan.
CREATE INDEX revisions_document_time ON revisions(document_id, created_at);

-- What the trash purged, and the ids it freed: SQLite would hand the highest of them out again, and the
-- caches of every server process know a document by its id and revision, so a new document must never
-- take a purged one's id.
CREATE TABLE purged_documents (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  trashed_at  TEXT,
  purged_at   TEXT NOT NULL
);
