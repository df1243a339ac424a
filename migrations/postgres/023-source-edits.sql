-- A search-and-replace may change a row's Chinese (PostgreSQL version of ../023-source-edits.sql): its own revision
-- action with the sentences before and after, and the pair's mark that its Chinese changed after it was translated.
ALTER TABLE revisions DROP CONSTRAINT revisions_action_valid,
  ADD CONSTRAINT revisions_action_valid
    CHECK (action IN ('save', 'confirm', 'approve', 'reject', 'mt', 'align', 'clear', 'restore', 'source')),
  ADD COLUMN source_change text,
  ADD CONSTRAINT revisions_source_change CHECK ((action = 'source') = (source_change IS NOT NULL));
ALTER TABLE pairs ADD COLUMN src_changed integer NOT NULL DEFAULT 0 CONSTRAINT pairs_src_changed_bool CHECK (src_changed IN (0, 1));
