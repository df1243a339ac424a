-- Emptying a translation and restoring an earlier version are their own actions in a pair's history, so neither can
-- pass for an ordinary save. PostgreSQL replaces the CHECK in place.
ALTER TABLE revisions DROP CONSTRAINT revisions_action_valid,
  ADD CONSTRAINT revisions_action_valid
    CHECK (action IN ('save', 'confirm', 'approve', 'reject', 'mt', 'align', 'clear', 'restore'));
