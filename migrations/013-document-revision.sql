-- Cache freshness by a counter per document instead of "revision ids above the last one seen": an id is handed
-- out before its transaction commits, so with several writers a smaller id can commit after a larger one was
-- read, and a cache keyed on the larger one would never see it. Every change to a document's pairs or
-- alignment bumps the document's revision in the same transaction, under the document row's write lock.
ALTER TABLE documents ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
-- The document revision each pair revision made: a cache at revision N reads only the pairs revised after N.
-- Revisions made before this migration have none; caches start empty, so they are never asked for.
ALTER TABLE revisions ADD COLUMN doc_revision INTEGER;
CREATE INDEX revisions_document_revision ON revisions(document_id, doc_revision);
-- The translation memory's counter, bumped by every loaded unit and every revision into, out of or inside the
-- approved state, so its cached index knows it is stale without scanning revisions by id.
CREATE TABLE change_counters (
  name  TEXT PRIMARY KEY CONSTRAINT change_counters_name_valid CHECK (name IN ('memory')),
  value INTEGER NOT NULL
);
INSERT INTO change_counters (name, value) VALUES ('memory', 0);
DROP INDEX revisions_approval;
