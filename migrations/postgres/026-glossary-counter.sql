-- The glossary's change counter, bumped by every change to its terms (a trigger, so no writer can forget): a server
-- keeps the glossary it read and asks only the counter, in the statement that already asks a document's revision.
ALTER TABLE change_counters DROP CONSTRAINT change_counters_name_valid;
ALTER TABLE change_counters ADD CONSTRAINT change_counters_name_valid CHECK (name IN ('memory', 'glossary'));
INSERT INTO change_counters (name, value) VALUES ('glossary', 0);
CREATE FUNCTION glossary_terms_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'glossary';
  RETURN NULL;
END $$;
CREATE TRIGGER glossary_terms_changed AFTER INSERT OR UPDATE OR DELETE ON glossary_terms
  FOR EACH ROW EXECUTE FUNCTION glossary_terms_changed();
