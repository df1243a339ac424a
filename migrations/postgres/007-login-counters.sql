-- Failed-login counters, shared by every server process (see server/domain/login-throttle.ts).
CREATE TABLE login_counters (
  key          text PRIMARY KEY,
  -- JSON array of the failure times (ms since 1970) inside the window.
  failures     text NOT NULL,
  locked_until bigint NOT NULL,
  last_at      bigint NOT NULL
);
