-- Browsers that logged in to an account (a device cookie holds the token; only its hash is kept): their login attempts
-- are throttled apart from everyone else's, so failures elsewhere never slow the account's own user.
CREATE TABLE login_devices (
  token_hash text PRIMARY KEY,
  user_id    bigint NOT NULL CONSTRAINT login_devices_user_fk REFERENCES users(id) ON DELETE CASCADE,
  expires_at bigint NOT NULL
);
CREATE INDEX login_devices_expiry ON login_devices(expires_at);
