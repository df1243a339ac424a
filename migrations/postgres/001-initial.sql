-- Accounts, documents, their segments and the beads (pairs) that align them (PostgreSQL version of ../001-initial.sql).
-- Ids come from identity sequences, which never hand out a number twice; times are timestamptz.

CREATE TABLE users (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name          text NOT NULL CONSTRAINT users_name_unique UNIQUE
                CONSTRAINT users_name_valid CHECK (length(name) BETWEEN 1 AND 64),
  role          text NOT NULL CONSTRAINT users_role_valid CHECK (role IN ('admin', 'reviewer', 'translator')),
  -- scrypt$N$r$p$salt$hash: the parameters travel with the hash so they can be raised later.
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  id          text PRIMARY KEY,
  user_id     bigint NOT NULL CONSTRAINT sessions_user_fk REFERENCES users(id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     bigint NOT NULL CONSTRAINT api_tokens_user_fk REFERENCES users(id) ON DELETE CASCADE,
  -- Only a SHA-256 of the token is kept: a leaked database does not leak working tokens.
  token_hash  text NOT NULL CONSTRAINT api_tokens_hash_unique UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);

CREATE TABLE documents (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title       text NOT NULL CONSTRAINT documents_title_valid CHECK (length(title) BETWEEN 1 AND 500),
  src_lang    text NOT NULL DEFAULT 'zh-CN',
  tgt_lang    text NOT NULL DEFAULT 'en',
  source_name text,
  page_date   text,
  created_by  bigint CONSTRAINT documents_creator_fk REFERENCES users(id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  -- bigint as SQLite's integer: a file may bring a version of 2^31 - 1, and the next edit adds one.
  version     bigint NOT NULL DEFAULT 1
);

-- The texts as imported, so that segment offsets keep pointing at something.
CREATE TABLE sources (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id bigint NOT NULL CONSTRAINT sources_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  side        text NOT NULL CONSTRAINT sources_side_valid CHECK (side IN ('src', 'tgt')),
  name        text NOT NULL,
  content     text NOT NULL
);
CREATE INDEX sources_document ON sources(document_id);

-- One row per bead, in document order; noise rows (adverts, captions) sit where they stood.
CREATE TABLE pairs (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id bigint NOT NULL CONSTRAINT pairs_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  idx         integer NOT NULL,
  score       double precision CONSTRAINT pairs_score_range CHECK (score IS NULL OR (score >= 0 AND score <= 1)),
  noise       integer NOT NULL DEFAULT 0 CONSTRAINT pairs_noise_bool CHECK (noise IN (0, 1)),
  -- untranslated 0, machine 10, translated 20, rejected 25, approved 30; noise rows have none.
  state       integer CONSTRAINT pairs_state_valid CHECK (
                (noise = 1 AND state IS NULL) OR (noise = 0 AND state IN (0, 10, 20, 25, 30))),
  mt_text     text NOT NULL DEFAULT '',
  tgt_text    text NOT NULL DEFAULT '',
  version     bigint NOT NULL DEFAULT 1,
  CONSTRAINT pairs_document_idx_unique UNIQUE (document_id, idx)
);

CREATE TABLE segments (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id  bigint NOT NULL CONSTRAINT segments_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  pair_id      bigint NOT NULL CONSTRAINT segments_pair_fk REFERENCES pairs(id) ON DELETE CASCADE,
  source_id    bigint NOT NULL CONSTRAINT segments_source_fk REFERENCES sources(id) ON DELETE CASCADE,
  side         text NOT NULL CONSTRAINT segments_side_valid CHECK (side IN ('src', 'tgt')),
  idx          integer NOT NULL,
  text         text NOT NULL,
  kind         text NOT NULL DEFAULT 'sentence'
               CONSTRAINT segments_kind_valid CHECK (kind IN ('sentence', 'headline', 'dateline', 'noise')),
  paragraph    integer NOT NULL,
  start_offset integer NOT NULL,
  end_offset   integer NOT NULL CONSTRAINT segments_offsets_valid CHECK (end_offset >= start_offset),
  noise        integer NOT NULL DEFAULT 0 CONSTRAINT segments_noise_bool CHECK (noise IN (0, 1)),
  -- Headline entries keep their time and tags from the page.
  meta         text,
  CONSTRAINT segments_document_side_idx_unique UNIQUE (document_id, side, idx)
);
CREATE INDEX segments_pair ON segments(pair_id);
