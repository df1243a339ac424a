-- The sessions and API tokens an admin's deactivation ended, kept by their hashes only (PostgreSQL version of
-- ../031-deactivated-credentials.sql): a page or script still using one is told its account was deactivated.
CREATE TABLE deactivated_credentials (
  key_hash       text NOT NULL CONSTRAINT deactivated_credentials_pk PRIMARY KEY,
  user_id        bigint NOT NULL CONSTRAINT deactivated_credentials_user_fk REFERENCES users(id) ON DELETE CASCADE,
  deactivated_at timestamptz NOT NULL
);
CREATE INDEX deactivated_credentials_user ON deactivated_credentials(user_id);
