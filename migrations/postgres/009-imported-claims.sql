-- A state and an editor read from an imported file are what the file claims, not what happened here: they are kept as
-- provenance, and the pair enters the workflow as at most translated (only a reviewer here approves).
ALTER TABLE pairs ADD COLUMN imported_state integer
  CONSTRAINT pairs_imported_state_valid CHECK (imported_state IS NULL OR imported_state IN (0, 10, 20, 25, 30));
ALTER TABLE pairs ADD COLUMN imported_editor text;
-- Pairs imported before this kept the file's approval or rejection: every one given here has its revision (an imported
-- rejection has one too, but without an author), so a state without one came from a file.
UPDATE pairs SET imported_state = state,
    imported_editor = (SELECT name FROM users WHERE id = pairs.last_editor_id), last_editor_id = NULL, state = 20
  WHERE (state = 30 AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.pair_id = pairs.id AND r.new_state = 30))
     OR (state = 25 AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.pair_id = pairs.id AND r.new_state = 25 AND r.author_id IS NOT NULL));
