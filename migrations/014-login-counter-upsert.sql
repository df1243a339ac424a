-- Failed logins are counted by one atomic upsert (ON CONFLICT … SET failures = failures + 1) instead of a JSON
-- list of failure times read, changed and written back, which is safe only while one writer holds a lock over
-- the read. The window starts at the first failure in it. Counters in flight keep their count and lock.
CREATE TABLE login_counters_new (
  key          TEXT PRIMARY KEY,
  failures     INTEGER NOT NULL CONSTRAINT login_counters_failures_valid CHECK (failures >= 1),
  window_start INTEGER NOT NULL,
  locked_until INTEGER NOT NULL,
  last_at      INTEGER NOT NULL
);
INSERT INTO login_counters_new (key, failures, window_start, locked_until, last_at)
  SELECT key, max(json_array_length(failures), 1), coalesce((SELECT min(value) FROM json_each(failures)), last_at), locked_until, last_at
  FROM login_counters;
DROP TABLE login_counters;
ALTER TABLE login_counters_new RENAME TO login_counters;
