-- Who added each glossary entry: a translator may delete only the entries they added, reviewers and admins any
-- (server/services/glossary.ts). Entries from before have no author, so only reviewers and admins delete them.
ALTER TABLE glossary_terms ADD COLUMN added_by bigint CONSTRAINT glossary_terms_added_by_fk REFERENCES users(id) ON DELETE SET NULL;
