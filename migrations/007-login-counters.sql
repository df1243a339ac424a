-- Failed-login counters, shared by every server process (see server/domain/login-throttle.ts).
CREATE TABLE login_counters (
  key          TEXT PRIMARY KEY,
  -- JSON array of the failure times (ms since 1970) inside the window.
  failures     TEXT NOT NULL,
  locked_until INTEGER NOT NULL,
  last_at      INTEGER NOT NULL
) WITHOUT ROWID;
