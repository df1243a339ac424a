-- Emptying a translation and restoring an earlier version are their own actions in a pair's history, so
-- neither can pass for an ordinary save. SQLite cannot change a CHECK in place: the table is rebuilt.
CREATE TABLE revisions_new (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER CONSTRAINT revisions_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  pair_id     INTEGER CONSTRAINT revisions_pair_fk REFERENCES pairs(id) ON DELETE SET NULL,
  version     INTEGER NOT NULL,
  author_id   INTEGER CONSTRAINT revisions_author_fk REFERENCES users(id) ON DELETE SET NULL,
  action      TEXT NOT NULL CONSTRAINT revisions_action_valid
              CHECK (action IN ('save', 'confirm', 'approve', 'reject', 'mt', 'align', 'clear', 'restore')),
  old_text    TEXT NOT NULL,
  new_text    TEXT NOT NULL,
  old_state   INTEGER,
  new_state   INTEGER,
  comment     TEXT,
  seconds     REAL NOT NULL DEFAULT 0 CONSTRAINT revisions_seconds_valid CHECK (seconds >= 0),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
INSERT INTO revisions_new (id, document_id, pair_id, version, author_id, action, old_text, new_text, old_state, new_state, comment, seconds, created_at)
  SELECT id, document_id, pair_id, version, author_id, action, old_text, new_text, old_state, new_state, comment, seconds, created_at
  FROM revisions;
DROP TABLE revisions;
ALTER TABLE revisions_new RENAME TO revisions;
CREATE UNIQUE INDEX revisions_pair_version ON revisions(pair_id, version);
CREATE INDEX revisions_document ON revisions(document_id);
CREATE INDEX revisions_approval ON revisions(id) WHERE old_state = 30 OR new_state = 30;
