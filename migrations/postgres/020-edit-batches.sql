-- Revisions made together by one search-and-replace or propagation, undone as one (PostgreSQL version of
-- ../020-edit-batches.sql).
CREATE TABLE edit_batches (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id bigint NOT NULL CONSTRAINT edit_batches_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  author_id   bigint CONSTRAINT edit_batches_author_fk REFERENCES users(id) ON DELETE SET NULL,
  kind        text NOT NULL CONSTRAINT edit_batches_kind_valid CHECK (kind IN ('replace', 'propagate', 'undo')),
  summary     text NOT NULL,
  undoes      bigint CONSTRAINT edit_batches_undoes_fk REFERENCES edit_batches(id) ON DELETE SET NULL,
  undone_by   bigint CONSTRAINT edit_batches_undone_by_fk REFERENCES edit_batches(id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX edit_batches_document_author ON edit_batches(document_id, author_id, id);
ALTER TABLE revisions ADD COLUMN batch_id bigint CONSTRAINT revisions_batch_fk REFERENCES edit_batches(id) ON DELETE SET NULL;
CREATE INDEX revisions_batch ON revisions(batch_id) WHERE batch_id IS NOT NULL;
