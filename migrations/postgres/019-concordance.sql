-- Concordance (PostgreSQL version of ../019-concordance.sql): every pair's Chinese (its source sentences joined) and
-- English, and every memory unit, in one table that triggers keep in step inside the writing transaction, with
-- pg_trgm GIN indexes for ILIKE '%…%'. pg_trgm is a trusted extension (PostgreSQL 13 and later), so the database's
-- owner may create it; Debian ships it in the server package. Its trigrams cover letters of the database's
-- LC_CTYPE: under a UTF-8 locale Chinese is indexed, under "C" only ASCII words are and Chinese queries scan.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE concordance_texts (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  pair_id     bigint CONSTRAINT concordance_pair_unique UNIQUE
              CONSTRAINT concordance_pair_fk REFERENCES pairs(id) ON DELETE CASCADE,
  tm_unit_id  bigint CONSTRAINT concordance_unit_unique UNIQUE
              CONSTRAINT concordance_unit_fk REFERENCES tm_units(id) ON DELETE CASCADE,
  src         text NOT NULL,
  tgt         text NOT NULL,
  CONSTRAINT concordance_one_origin CHECK ((pair_id IS NULL) <> (tm_unit_id IS NULL))
);
CREATE INDEX concordance_src_trgm ON concordance_texts USING gin (src gin_trgm_ops);
CREATE INDEX concordance_tgt_trgm ON concordance_texts USING gin (tgt gin_trgm_ops);

-- A pair's Chinese: its source sentences in order, joined.
CREATE FUNCTION concordance_source(pair bigint) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_agg(text, '' ORDER BY idx), '') FROM segments WHERE pair_id = pair AND side = 'src'
$$;

CREATE FUNCTION concordance_pair_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO concordance_texts (pair_id, src, tgt) VALUES (NEW.id, '', NEW.tgt_text);
  ELSE
    UPDATE concordance_texts SET tgt = NEW.tgt_text WHERE pair_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER concordance_pair_insert AFTER INSERT ON pairs FOR EACH ROW EXECUTE FUNCTION concordance_pair_changed();
CREATE TRIGGER concordance_pair_update AFTER UPDATE OF tgt_text ON pairs
  FOR EACH ROW WHEN (NEW.tgt_text IS DISTINCT FROM OLD.tgt_text) EXECUTE FUNCTION concordance_pair_changed();

-- A segment's idx alone is left out, as on SQLite: alignment edits renumber whole sides without changing the order
-- within a pair, and write every sentence they move with its pair_id.
CREATE FUNCTION concordance_segment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.side = 'src' THEN
    UPDATE concordance_texts SET src = concordance_source(OLD.pair_id) WHERE pair_id = OLD.pair_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.side = 'src' AND (TG_OP = 'INSERT' OR NEW.pair_id IS DISTINCT FROM OLD.pair_id OR OLD.side <> 'src') THEN
    UPDATE concordance_texts SET src = concordance_source(NEW.pair_id) WHERE pair_id = NEW.pair_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER concordance_segment_insert AFTER INSERT ON segments FOR EACH ROW EXECUTE FUNCTION concordance_segment_changed();
CREATE TRIGGER concordance_segment_update AFTER UPDATE OF text, pair_id, side ON segments FOR EACH ROW EXECUTE FUNCTION concordance_segment_changed();
CREATE TRIGGER concordance_segment_delete AFTER DELETE ON segments FOR EACH ROW EXECUTE FUNCTION concordance_segment_changed();

CREATE FUNCTION concordance_unit_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO concordance_texts (tm_unit_id, src, tgt) VALUES (NEW.id, NEW.src, NEW.tgt);
  ELSE
    UPDATE concordance_texts SET src = NEW.src, tgt = NEW.tgt WHERE tm_unit_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER concordance_unit_insert AFTER INSERT ON tm_units FOR EACH ROW EXECUTE FUNCTION concordance_unit_changed();
CREATE TRIGGER concordance_unit_update AFTER UPDATE OF src, tgt ON tm_units FOR EACH ROW EXECUTE FUNCTION concordance_unit_changed();

-- What is there already.
INSERT INTO concordance_texts (pair_id, src, tgt) SELECT p.id, concordance_source(p.id), p.tgt_text FROM pairs p ORDER BY p.id;
INSERT INTO concordance_texts (tm_unit_id, src, tgt) SELECT id, src, tgt FROM tm_units ORDER BY id;
