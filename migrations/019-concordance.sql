-- Concordance: every pair's Chinese (its source sentences joined) and English, and every memory unit, in one table
-- that triggers keep in step with the writes, inside the writing transaction; an FTS5 trigram index over it finds any
-- substring, Chinese or English.

CREATE TABLE concordance_texts (
  id          INTEGER PRIMARY KEY,
  pair_id     INTEGER CONSTRAINT concordance_pair_unique UNIQUE
              CONSTRAINT concordance_pair_fk REFERENCES pairs(id) ON DELETE CASCADE,
  tm_unit_id  INTEGER CONSTRAINT concordance_unit_unique UNIQUE
              CONSTRAINT concordance_unit_fk REFERENCES tm_units(id) ON DELETE CASCADE,
  src         TEXT NOT NULL,
  tgt         TEXT NOT NULL,
  CONSTRAINT concordance_one_origin CHECK ((pair_id IS NULL) <> (tm_unit_id IS NULL))
);

-- Contentless (the texts are the table's): each side is indexed with two U+0003 after it, so that every occurrence of
-- one or two characters, even at the very end, begins a trigram; the occurrences of a short query are then those of
-- the trigrams that start with it, which concordance_occurrences lists by term. Control characters never reach a
-- query, so those trigrams match nothing else.
CREATE VIRTUAL TABLE concordance_index USING fts5(src, tgt, content='', contentless_delete=1, tokenize='trigram');
CREATE VIRTUAL TABLE concordance_occurrences USING fts5vocab(concordance_index, 'instance');

CREATE TRIGGER concordance_index_insert AFTER INSERT ON concordance_texts BEGIN
  INSERT INTO concordance_index (rowid, src, tgt) VALUES (NEW.id, NEW.src || char(3, 3), NEW.tgt || char(3, 3));
END;
CREATE TRIGGER concordance_index_delete AFTER DELETE ON concordance_texts BEGIN
  DELETE FROM concordance_index WHERE rowid = OLD.id;
END;
CREATE TRIGGER concordance_index_update AFTER UPDATE OF src, tgt ON concordance_texts
  WHEN NEW.src IS NOT OLD.src OR NEW.tgt IS NOT OLD.tgt BEGIN
  DELETE FROM concordance_index WHERE rowid = OLD.id;
  INSERT INTO concordance_index (rowid, src, tgt) VALUES (NEW.id, NEW.src || char(3, 3), NEW.tgt || char(3, 3));
END;

-- The table follows the pairs, their sentences and the memory. A pair's entry is made by its first sentence, when its
-- Chinese is there to be indexed with its English at once (every pair has a sentence; indexing it on the pair's own
-- insert and again for its Chinese cost an import a third more). A segment's idx alone is left out: alignment edits
-- renumber whole sides (parking and shifting) without changing the order within a pair, and every sentence an edit
-- moves to its place is written with its pair_id, which recomputes its pair from the final order.
CREATE TRIGGER concordance_pair_update AFTER UPDATE OF tgt_text ON pairs WHEN NEW.tgt_text IS NOT OLD.tgt_text BEGIN
  UPDATE concordance_texts SET tgt = NEW.tgt_text WHERE pair_id = NEW.id;
END;

CREATE TRIGGER concordance_segment_insert AFTER INSERT ON segments BEGIN
  INSERT INTO concordance_texts (pair_id, src, tgt)
    SELECT p.id, (SELECT coalesce(group_concat(s.text, '' ORDER BY s.idx), '') FROM segments s WHERE s.pair_id = p.id AND s.side = 'src'), p.tgt_text
    FROM pairs p WHERE p.id = NEW.pair_id
    ON CONFLICT (pair_id) DO UPDATE SET src = excluded.src;
END;
CREATE TRIGGER concordance_segment_update AFTER UPDATE OF text, pair_id, side ON segments BEGIN
  INSERT INTO concordance_texts (pair_id, src, tgt)
    SELECT p.id, (SELECT coalesce(group_concat(s.text, '' ORDER BY s.idx), '') FROM segments s WHERE s.pair_id = p.id AND s.side = 'src'), p.tgt_text
    FROM pairs p WHERE p.id = NEW.pair_id
    ON CONFLICT (pair_id) DO UPDATE SET src = excluded.src;
  UPDATE concordance_texts SET src = (SELECT coalesce(group_concat(text, '' ORDER BY idx), '') FROM segments
    WHERE pair_id = OLD.pair_id AND side = 'src') WHERE pair_id = OLD.pair_id AND OLD.pair_id IS NOT NEW.pair_id;
END;
CREATE TRIGGER concordance_segment_delete AFTER DELETE ON segments WHEN OLD.side = 'src' BEGIN
  UPDATE concordance_texts SET src = (SELECT coalesce(group_concat(text, '' ORDER BY idx), '') FROM segments
    WHERE pair_id = OLD.pair_id AND side = 'src') WHERE pair_id = OLD.pair_id;
END;

CREATE TRIGGER concordance_unit_insert AFTER INSERT ON tm_units BEGIN
  INSERT INTO concordance_texts (tm_unit_id, src, tgt) VALUES (NEW.id, NEW.src, NEW.tgt);
END;
CREATE TRIGGER concordance_unit_update AFTER UPDATE OF src, tgt ON tm_units BEGIN
  UPDATE concordance_texts SET src = NEW.src, tgt = NEW.tgt WHERE tm_unit_id = NEW.id;
END;

-- What is there already.
INSERT INTO concordance_texts (pair_id, src, tgt)
  SELECT p.id, coalesce((SELECT group_concat(s.text, '' ORDER BY s.idx) FROM segments s WHERE s.pair_id = p.id AND s.side = 'src'), ''), p.tgt_text
  FROM pairs p ORDER BY p.id;
INSERT INTO concordance_texts (tm_unit_id, src, tgt) SELECT id, src, tgt FROM tm_units ORDER BY id;
