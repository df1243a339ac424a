-- Accounts, documents, their segments and the beads (pairs) that align them.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL CONSTRAINT users_name_unique UNIQUE
                CONSTRAINT users_name_valid CHECK (length(name) BETWEEN 1 AND 64),
  role          TEXT NOT NULL CONSTRAINT users_role_valid CHECK (role IN ('admin', 'reviewer', 'translator')),
  -- scrypt$N$r$p$salt$hash: the parameters travel with the hash so they can be raised later.
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE sessions (
  id          TEXT PRIMARY KEY,
  user_id     INTEGER NOT NULL CONSTRAINT sessions_user_fk REFERENCES users(id) ON DELETE CASCADE,
  csrf_token  TEXT NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  expires_at  TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL CONSTRAINT api_tokens_user_fk REFERENCES users(id) ON DELETE CASCADE,
  -- Only a SHA-256 of the token is kept: a leaked database does not leak working tokens.
  token_hash  TEXT NOT NULL CONSTRAINT api_tokens_hash_unique UNIQUE,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  last_used_at TEXT
);

CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL CONSTRAINT documents_title_valid CHECK (length(title) BETWEEN 1 AND 500),
  src_lang    TEXT NOT NULL DEFAULT 'zh-CN',
  tgt_lang    TEXT NOT NULL DEFAULT 'en',
  source_name TEXT,
  page_date   TEXT,
  created_by  INTEGER CONSTRAINT documents_creator_fk REFERENCES users(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  version     INTEGER NOT NULL DEFAULT 1
);

-- The texts as imported, so that segment offsets keep pointing at something.
CREATE TABLE sources (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL CONSTRAINT sources_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  side        TEXT NOT NULL CONSTRAINT sources_side_valid CHECK (side IN ('src', 'tgt')),
  name        TEXT NOT NULL,
  content     TEXT NOT NULL
);
CREATE INDEX sources_document ON sources(document_id);

-- One row per bead, in document order; noise rows (adverts, captions) sit where they stood.
CREATE TABLE pairs (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL CONSTRAINT pairs_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  idx         INTEGER NOT NULL,
  score       REAL CONSTRAINT pairs_score_range CHECK (score IS NULL OR (score >= 0 AND score <= 1)),
  noise       INTEGER NOT NULL DEFAULT 0 CONSTRAINT pairs_noise_bool CHECK (noise IN (0, 1)),
  -- untranslated 0, machine 10, translated 20, rejected 25, approved 30; noise rows have none.
  state       INTEGER CONSTRAINT pairs_state_valid CHECK (
                (noise = 1 AND state IS NULL) OR (noise = 0 AND state IN (0, 10, 20, 25, 30))),
  mt_text     TEXT NOT NULL DEFAULT '',
  tgt_text    TEXT NOT NULL DEFAULT '',
  version     INTEGER NOT NULL DEFAULT 1,
  CONSTRAINT pairs_document_idx_unique UNIQUE (document_id, idx)
);

CREATE TABLE segments (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL CONSTRAINT segments_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  pair_id      INTEGER NOT NULL CONSTRAINT segments_pair_fk REFERENCES pairs(id) ON DELETE CASCADE,
  source_id    INTEGER NOT NULL CONSTRAINT segments_source_fk REFERENCES sources(id) ON DELETE CASCADE,
  side         TEXT NOT NULL CONSTRAINT segments_side_valid CHECK (side IN ('src', 'tgt')),
  idx          INTEGER NOT NULL,
  text         TEXT NOT NULL,
  kind         TEXT NOT NULL DEFAULT 'sentence'
               CONSTRAINT segments_kind_valid CHECK (kind IN ('sentence', 'headline', 'dateline', 'noise')),
  paragraph    INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL CONSTRAINT segments_offsets_valid CHECK (end_offset >= start_offset),
  noise        INTEGER NOT NULL DEFAULT 0 CONSTRAINT segments_noise_bool CHECK (noise IN (0, 1)),
  -- Headline entries keep their time and tags from the page.
  meta         TEXT,
  CONSTRAINT segments_document_side_idx_unique UNIQUE (document_id, side, idx)
);
CREATE INDEX segments_pair ON segments(pair_id);
