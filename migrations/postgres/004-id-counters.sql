-- SQLite's 004 adds a table of id counters so that ids given to new rows and sentences are never reused after the row
-- with the highest id is deleted. PostgreSQL's identity sequences (001) never reuse a number: nothing to add. The
-- file keeps the numbering aligned with SQLite's.
SELECT 1;
