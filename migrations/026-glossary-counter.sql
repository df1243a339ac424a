-- The glossary's change counter, bumped by every change to its terms (triggers, so no writer can forget): a server
-- keeps the glossary it read and asks only the counter, in the statement that already asks a document's revision.
-- SQLite cannot change a CHECK in place: the two-column table is rebuilt (nothing refers to it).
CREATE TABLE change_counters_new (
  name  TEXT PRIMARY KEY CONSTRAINT change_counters_name_valid CHECK (name IN ('memory', 'glossary')),
  value INTEGER NOT NULL
);
INSERT INTO change_counters_new (name, value) SELECT name, value FROM change_counters;
DROP TABLE change_counters;
ALTER TABLE change_counters_new RENAME TO change_counters;
INSERT INTO change_counters (name, value) VALUES ('glossary', 0);
CREATE TRIGGER glossary_terms_inserted AFTER INSERT ON glossary_terms
  BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'glossary'; END;
CREATE TRIGGER glossary_terms_updated AFTER UPDATE ON glossary_terms
  BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'glossary'; END;
CREATE TRIGGER glossary_terms_deleted AFTER DELETE ON glossary_terms
  BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'glossary'; END;
