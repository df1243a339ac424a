-- Comments on a pair are threads with an optional MQM-style error category and severity (PostgreSQL version of
-- ../016-comment-threads.sql).
CREATE TABLE comment_threads (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id bigint NOT NULL CONSTRAINT comment_threads_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  -- A realign may replace the pair: the thread is kept with the document, as revisions are.
  pair_id     bigint CONSTRAINT comment_threads_pair_fk REFERENCES pairs(id) ON DELETE SET NULL,
  category    text CONSTRAINT comment_threads_category_valid
              CHECK (category IN ('accuracy', 'fluency', 'terminology', 'style', 'locale')),
  severity    text CONSTRAINT comment_threads_severity_valid CHECK (severity IN ('minor', 'major', 'critical')),
  -- The rejection that started the thread, if one did.
  revision_id bigint CONSTRAINT comment_threads_revision_fk REFERENCES revisions(id) ON DELETE SET NULL,
  created_by  bigint CONSTRAINT comment_threads_author_fk REFERENCES users(id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  resolved_by bigint CONSTRAINT comment_threads_resolver_fk REFERENCES users(id) ON DELETE SET NULL,
  resolved_at timestamptz,
  CONSTRAINT comment_threads_error_whole CHECK ((category IS NULL) = (severity IS NULL))
);
CREATE INDEX comment_threads_pair ON comment_threads(pair_id);
CREATE INDEX comment_threads_document ON comment_threads(document_id);

CREATE TABLE thread_comments (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  thread_id   bigint NOT NULL CONSTRAINT thread_comments_thread_fk REFERENCES comment_threads(id) ON DELETE CASCADE,
  author_id   bigint CONSTRAINT thread_comments_author_fk REFERENCES users(id) ON DELETE SET NULL,
  body        text NOT NULL CONSTRAINT thread_comments_body_valid CHECK (length(trim(body)) > 0),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX thread_comments_thread ON thread_comments(thread_id, id);

-- Every earlier rejection's comment becomes a thread of its own, so the threads are the one place comments live.
INSERT INTO comment_threads (document_id, pair_id, revision_id, created_by, created_at)
  SELECT p.document_id, r.pair_id, r.id, r.author_id, r.created_at FROM revisions r JOIN pairs p ON p.id = r.pair_id
  WHERE r.action = 'reject' AND r.comment IS NOT NULL AND length(trim(r.comment)) > 0 ORDER BY r.id;
INSERT INTO thread_comments (thread_id, author_id, body, created_at)
  SELECT t.id, r.author_id, r.comment, r.created_at FROM comment_threads t JOIN revisions r ON r.id = t.revision_id ORDER BY t.id;
