-- Alignment editing: confirmed rows, review marks, an undo log per document, and history that outlives a merged row.

ALTER TABLE pairs ADD COLUMN confirmed_by bigint CONSTRAINT pairs_confirmed_by_fk REFERENCES users(id) ON DELETE SET NULL;
-- Why a person should look at this row after an alignment change ('split-postedit', 'approval-reset').
ALTER TABLE pairs ADD COLUMN needs_review text;

-- Rows disappear when alignment edits merge them; their text history must not disappear with them. PostgreSQL
-- changes the table in place where SQLite rebuilds it.
ALTER TABLE revisions ADD COLUMN document_id bigint CONSTRAINT revisions_document_fk REFERENCES documents(id) ON DELETE CASCADE;
UPDATE revisions r SET document_id = p.document_id FROM pairs p WHERE p.id = r.pair_id;
ALTER TABLE revisions ALTER COLUMN pair_id DROP NOT NULL,
  DROP CONSTRAINT revisions_pair_fk,
  ADD CONSTRAINT revisions_pair_fk FOREIGN KEY (pair_id) REFERENCES pairs(id) ON DELETE SET NULL,
  DROP CONSTRAINT revisions_pair_version_unique;
CREATE UNIQUE INDEX revisions_pair_version ON revisions(pair_id, version);
CREATE INDEX revisions_document ON revisions(document_id);

-- One row per alignment operation: the patch it made, so undo and redo survive a reload.
CREATE TABLE alignment_ops (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id bigint NOT NULL CONSTRAINT alignment_ops_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  author_id   bigint CONSTRAINT alignment_ops_author_fk REFERENCES users(id) ON DELETE SET NULL,
  op          text NOT NULL,
  patch       text NOT NULL,
  undone      integer NOT NULL DEFAULT 0 CONSTRAINT alignment_ops_undone_bool CHECK (undone IN (0, 1)),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alignment_ops_document ON alignment_ops(document_id, id);
