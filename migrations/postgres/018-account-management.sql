-- Accounts are managed: deactivation, the last sign-in, one-time passwords and named API tokens (PostgreSQL version
-- of ../018-account-management.sql).

-- NULL while the account is active; a deactivated account keeps its name, documents and history.
ALTER TABLE users ADD COLUMN deactivated_at timestamptz;
ALTER TABLE users ADD COLUMN last_login_at timestamptz;
-- 1 after an admin set a one-time password: the user chooses their own at the next sign-in.
ALTER TABLE users ADD COLUMN must_change_password integer NOT NULL DEFAULT 0
  CONSTRAINT users_must_change_bool CHECK (must_change_password IN (0, 1));

-- What the owner calls a token, so that they can tell which one to revoke; older tokens have none.
ALTER TABLE api_tokens ADD COLUMN name text CONSTRAINT api_tokens_name_valid CHECK (name IS NULL OR length(name) BETWEEN 1 AND 100);
CREATE INDEX api_tokens_user ON api_tokens(user_id);
