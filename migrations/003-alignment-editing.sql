-- Alignment editing: confirmed rows, review marks, an undo log per document, and history that outlives a merged row.

ALTER TABLE pairs ADD COLUMN confirmed_by INTEGER REFERENCES users(id) ON DELETE SET NULL;
-- Why a person should look at this row after an alignment change ('split-postedit', 'approval-reset').
ALTER TABLE pairs ADD COLUMN needs_review TEXT;

-- Rows disappear when alignment edits merge them; their text history must not disappear with them.
CREATE TABLE revisions_new (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER CONSTRAINT revisions_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  pair_id     INTEGER CONSTRAINT revisions_pair_fk REFERENCES pairs(id) ON DELETE SET NULL,
  version     INTEGER NOT NULL,
  author_id   INTEGER CONSTRAINT revisions_author_fk REFERENCES users(id) ON DELETE SET NULL,
  action      TEXT NOT NULL CONSTRAINT revisions_action_valid
              CHECK (action IN ('save', 'confirm', 'approve', 'reject', 'mt', 'align')),
  old_text    TEXT NOT NULL,
  new_text    TEXT NOT NULL,
  old_state   INTEGER,
  new_state   INTEGER,
  comment     TEXT,
  seconds     REAL NOT NULL DEFAULT 0 CONSTRAINT revisions_seconds_valid CHECK (seconds >= 0),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
INSERT INTO revisions_new (id, document_id, pair_id, version, author_id, action, old_text, new_text, old_state, new_state, comment, seconds, created_at)
  SELECT r.id, p.document_id, r.pair_id, r.version, r.author_id, r.action, r.old_text, r.new_text, r.old_state, r.new_state, r.comment, r.seconds, r.created_at
  FROM revisions r JOIN pairs p ON p.id = r.pair_id;
DROP TABLE revisions;
ALTER TABLE revisions_new RENAME TO revisions;
CREATE UNIQUE INDEX revisions_pair_version ON revisions(pair_id, version);
CREATE INDEX revisions_document ON revisions(document_id);

-- One row per alignment operation: the patch it made, so undo and redo survive a reload.
CREATE TABLE alignment_ops (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL CONSTRAINT alignment_ops_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  author_id   INTEGER CONSTRAINT alignment_ops_author_fk REFERENCES users(id) ON DELETE SET NULL,
  op          TEXT NOT NULL,
  patch       TEXT NOT NULL,
  undone      INTEGER NOT NULL DEFAULT 0 CONSTRAINT alignment_ops_undone_bool CHECK (undone IN (0, 1)),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX alignment_ops_document ON alignment_ops(document_id, id);
