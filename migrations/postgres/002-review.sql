-- Post-editing and review: who changed a pair last, every revision, the glossary and the translation memory.

ALTER TABLE pairs ADD COLUMN last_editor_id bigint CONSTRAINT pairs_last_editor_fk REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE pairs ADD COLUMN changed_at timestamptz;
-- Seconds spent in the editor on this pair, summed over its revisions.
ALTER TABLE pairs ADD COLUMN edit_seconds double precision NOT NULL DEFAULT 0;

-- Nothing is overwritten in place: each change to a pair's text or state is a revision.
CREATE TABLE revisions (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  pair_id     bigint NOT NULL CONSTRAINT revisions_pair_fk REFERENCES pairs(id) ON DELETE CASCADE,
  version     bigint NOT NULL,
  author_id   bigint CONSTRAINT revisions_author_fk REFERENCES users(id) ON DELETE SET NULL,
  action      text NOT NULL CONSTRAINT revisions_action_valid
              CHECK (action IN ('save', 'confirm', 'approve', 'reject', 'mt', 'align')),
  old_text    text NOT NULL,
  new_text    text NOT NULL,
  old_state   integer,
  new_state   integer,
  comment     text,
  seconds     double precision NOT NULL DEFAULT 0 CONSTRAINT revisions_seconds_valid CHECK (seconds >= 0),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT revisions_pair_version_unique UNIQUE (pair_id, version)
);

CREATE TABLE glossary_terms (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  zh          text NOT NULL CONSTRAINT glossary_zh_valid CHECK (length(trim(zh)) > 0),
  en          text NOT NULL CONSTRAINT glossary_en_valid CHECK (length(trim(en)) > 0),
  note        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT glossary_terms_unique UNIQUE (zh, en)
);

-- Memories loaded from TMX files; approved pairs of documents join them at query time.
CREATE TABLE tm_units (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  src         text NOT NULL,
  tgt         text NOT NULL,
  origin      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
