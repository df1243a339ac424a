-- A search-and-replace may change a row's Chinese: the revision records the row's source sentences before and after
-- (a JSON object, see server/domain/source-replace.ts) under its own action, so no count of English writes takes it
-- for one, and one undo can put every sentence back. The pair remembers that its Chinese changed after it was
-- translated, for QA to say so until someone saves, confirms or approves its English again.
-- SQLite cannot change a CHECK in place: the table is rebuilt. Dropping it would set the comment threads' links to
-- their rejections to NULL (foreign keys are on inside a migration's transaction), so the links are kept aside first.
CREATE TEMP TABLE kept_thread_revisions AS SELECT id, revision_id FROM comment_threads WHERE revision_id IS NOT NULL;
CREATE TABLE revisions_new (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER CONSTRAINT revisions_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  pair_id       INTEGER CONSTRAINT revisions_pair_fk REFERENCES pairs(id) ON DELETE SET NULL,
  version       INTEGER NOT NULL,
  author_id     INTEGER CONSTRAINT revisions_author_fk REFERENCES users(id) ON DELETE SET NULL,
  action        TEXT NOT NULL CONSTRAINT revisions_action_valid
                CHECK (action IN ('save', 'confirm', 'approve', 'reject', 'mt', 'align', 'clear', 'restore', 'source')),
  old_text      TEXT NOT NULL,
  new_text      TEXT NOT NULL,
  old_state     INTEGER,
  new_state     INTEGER,
  comment       TEXT,
  seconds       REAL NOT NULL DEFAULT 0 CONSTRAINT revisions_seconds_valid CHECK (seconds >= 0),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  doc_revision  INTEGER,
  batch_id      INTEGER CONSTRAINT revisions_batch_fk REFERENCES edit_batches(id) ON DELETE SET NULL,
  source_change TEXT,
  CONSTRAINT revisions_source_change CHECK ((action = 'source') = (source_change IS NOT NULL))
);
INSERT INTO revisions_new (id, document_id, pair_id, version, author_id, action, old_text, new_text, old_state, new_state, comment, seconds,
    created_at, doc_revision, batch_id)
  SELECT id, document_id, pair_id, version, author_id, action, old_text, new_text, old_state, new_state, comment, seconds,
    created_at, doc_revision, batch_id FROM revisions;
DROP TABLE revisions;
ALTER TABLE revisions_new RENAME TO revisions;
CREATE UNIQUE INDEX revisions_pair_version ON revisions(pair_id, version);
CREATE INDEX revisions_document ON revisions(document_id);
CREATE INDEX revisions_document_revision ON revisions(document_id, doc_revision);
CREATE INDEX revisions_document_time ON revisions(document_id, created_at);
CREATE INDEX revisions_batch ON revisions(batch_id) WHERE batch_id IS NOT NULL;
UPDATE comment_threads SET revision_id = (SELECT k.revision_id FROM kept_thread_revisions k WHERE k.id = comment_threads.id)
  WHERE id IN (SELECT id FROM kept_thread_revisions);
DROP TABLE kept_thread_revisions;

ALTER TABLE pairs ADD COLUMN src_changed INTEGER NOT NULL DEFAULT 0 CONSTRAINT pairs_src_changed_bool CHECK (src_changed IN (0, 1));
