-- The sessions and API tokens an admin's deactivation ended, kept by their hashes only (no one signs in with them), so
-- that a page or script still using one is told its account was deactivated instead of "your session ended". Forgotten
-- when the account is reactivated, whose sign-in then starts afresh (server/services/user-admin.ts).
CREATE TABLE deactivated_credentials (
  key_hash       TEXT NOT NULL CONSTRAINT deactivated_credentials_pk PRIMARY KEY,
  user_id        INTEGER NOT NULL CONSTRAINT deactivated_credentials_user_fk REFERENCES users(id) ON DELETE CASCADE,
  deactivated_at TEXT NOT NULL
);
CREATE INDEX deactivated_credentials_user ON deactivated_credentials(user_id);
