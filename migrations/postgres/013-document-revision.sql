-- Cache freshness by a counter per document instead of "revision ids above the last one seen" (see ../013): on
-- PostgreSQL ids are handed out before their transactions commit, so a smaller id can commit after a larger one was read.
ALTER TABLE documents ADD COLUMN revision integer NOT NULL DEFAULT 0;
-- The document revision each pair revision made: a cache at revision N reads only the pairs revised after N.
ALTER TABLE revisions ADD COLUMN doc_revision integer;
CREATE INDEX revisions_document_revision ON revisions(document_id, doc_revision);
-- The translation memory's counter, bumped by every loaded unit and every revision into, out of or inside the approved state.
CREATE TABLE change_counters (
  name  text PRIMARY KEY CONSTRAINT change_counters_name_valid CHECK (name IN ('memory')),
  value bigint NOT NULL
);
INSERT INTO change_counters (name, value) VALUES ('memory', 0);
DROP INDEX revisions_approval;
