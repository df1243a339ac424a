-- Failed logins are counted by one atomic upsert (see ../014): a count and the start of its window replace the JSON list
-- of failure times. PostgreSQL changes the table in place; counters in flight keep their count and lock.
ALTER TABLE login_counters ADD COLUMN window_start bigint;
UPDATE login_counters
  SET window_start = coalesce((SELECT min(t::bigint) FROM json_array_elements_text(failures::json) t), last_at);
ALTER TABLE login_counters ALTER COLUMN window_start SET NOT NULL,
  ALTER COLUMN failures TYPE integer USING greatest(json_array_length(failures::json), 1),
  ADD CONSTRAINT login_counters_failures_valid CHECK (failures >= 1);
