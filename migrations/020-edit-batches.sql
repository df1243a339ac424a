-- A search-and-replace or a propagated translation changes many pairs at once; each pair's change is an ordinary
-- revision, and the batch ties them together so that one undo reverts them as a whole (and says which it cannot).
CREATE TABLE edit_batches (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL CONSTRAINT edit_batches_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  author_id   INTEGER CONSTRAINT edit_batches_author_fk REFERENCES users(id) ON DELETE SET NULL,
  kind        TEXT NOT NULL CONSTRAINT edit_batches_kind_valid CHECK (kind IN ('replace', 'propagate', 'undo')),
  -- What the batch did, for its history line: the search and its replacement, or the propagated pair.
  summary     TEXT NOT NULL,
  -- The batch an undo reverted; a reverted batch names the undo that reverted it, so it is undone once.
  undoes      INTEGER CONSTRAINT edit_batches_undoes_fk REFERENCES edit_batches(id) ON DELETE SET NULL,
  undone_by   INTEGER CONSTRAINT edit_batches_undone_by_fk REFERENCES edit_batches(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX edit_batches_document_author ON edit_batches(document_id, author_id, id);
ALTER TABLE revisions ADD COLUMN batch_id INTEGER CONSTRAINT revisions_batch_fk REFERENCES edit_batches(id) ON DELETE SET NULL;
CREATE INDEX revisions_batch ON revisions(batch_id) WHERE batch_id IS NOT NULL;
