-- Post-editing and review: who changed a pair last, every revision, the glossary and the translation memory.

ALTER TABLE pairs ADD COLUMN last_editor_id INTEGER REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE pairs ADD COLUMN changed_at TEXT;
-- Seconds spent in the editor on this pair, summed over its revisions.
ALTER TABLE pairs ADD COLUMN edit_seconds REAL NOT NULL DEFAULT 0;

-- Nothing is overwritten in place: each change to a pair's text or state is a revision.
CREATE TABLE revisions (
  id          INTEGER PRIMARY KEY,
  pair_id     INTEGER NOT NULL CONSTRAINT revisions_pair_fk REFERENCES pairs(id) ON DELETE CASCADE,
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
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CONSTRAINT revisions_pair_version_unique UNIQUE (pair_id, version)
);

CREATE TABLE glossary_terms (
  id          INTEGER PRIMARY KEY,
  zh          TEXT NOT NULL CONSTRAINT glossary_zh_valid CHECK (length(trim(zh)) > 0),
  en          TEXT NOT NULL CONSTRAINT glossary_en_valid CHECK (length(trim(en)) > 0),
  note        TEXT,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CONSTRAINT glossary_terms_unique UNIQUE (zh, en)
);

-- Memories loaded from TMX files; approved pairs of documents join them at query time.
CREATE TABLE tm_units (
  id          INTEGER PRIMARY KEY,
  src         TEXT NOT NULL,
  tgt         TEXT NOT NULL,
  origin      TEXT NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
