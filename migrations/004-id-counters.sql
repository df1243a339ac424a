-- Ids that alignment edits give new rows and sentences are never reused, even after the row with the
-- highest id is deleted, so an undo log that names a deleted row can never point at a new one.
CREATE TABLE id_counters (
  name TEXT PRIMARY KEY CONSTRAINT id_counters_name_valid CHECK (name IN ('pairs', 'segments')),
  next INTEGER NOT NULL
);
