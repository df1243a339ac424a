-- The glossary's change counter moves once per statement rather than once per row: a termbase of 50,000 terms is
-- written in a few statements, and 50,000 updates of the one counter row in one transaction took most of a 30 s
-- import (each update follows the row's growing chain of versions). A statement that changed no row (removing what
-- is not there) still moves nothing: each event's trigger sees its rows as `changed`.
DROP TRIGGER glossary_terms_changed ON glossary_terms;
CREATE FUNCTION glossary_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    UPDATE change_counters SET value = value + 1 WHERE name = 'glossary';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER glossary_terms_inserted AFTER INSERT ON glossary_terms REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION glossary_rows_changed();
CREATE TRIGGER glossary_terms_updated AFTER UPDATE ON glossary_terms REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION glossary_rows_changed();
CREATE TRIGGER glossary_terms_deleted AFTER DELETE ON glossary_terms REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION glossary_rows_changed();
DROP FUNCTION glossary_terms_changed();
