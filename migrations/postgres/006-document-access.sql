-- Who may open a document: admins always; everyone when it is shared with the whole team (what every document was
-- before this migration); otherwise its creator and its members.
ALTER TABLE documents ADD COLUMN shared integer NOT NULL DEFAULT 1 CONSTRAINT documents_shared_bool CHECK (shared IN (0, 1));

CREATE TABLE document_members (
  document_id bigint NOT NULL CONSTRAINT document_members_document_fk REFERENCES documents(id) ON DELETE CASCADE,
  user_id     bigint NOT NULL CONSTRAINT document_members_user_fk REFERENCES users(id) ON DELETE CASCADE,
  added_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT document_members_pkey PRIMARY KEY (document_id, user_id)
);
CREATE INDEX document_members_user ON document_members(user_id);
