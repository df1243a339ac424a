-- Rows are paged by position (idx 0…n-1); files imported before that was enforced kept their own indexes. Renumber those
-- documents in their order. PostgreSQL checks UNIQUE (document_id, idx) row by row, so the first pass moves every
-- renumbered row above the largest index in use, where no step meets another row.
CREATE TEMP TABLE dense_idx ON COMMIT DROP AS
  SELECT id, document_id, (row_number() OVER (PARTITION BY document_id ORDER BY idx, id) - 1)::integer AS pos, idx FROM pairs;
DELETE FROM dense_idx WHERE idx = pos;
UPDATE pairs p SET idx = d.pos + (SELECT coalesce(max(abs(idx)), 0) + 1 FROM pairs) FROM dense_idx d WHERE d.id = p.id;
UPDATE pairs p SET idx = d.pos FROM dense_idx d WHERE d.id = p.id;
-- A changed document version tells kept pages and alignment undo steps that the rows moved.
UPDATE documents SET version = version + 1 WHERE id IN (SELECT document_id FROM dense_idx);
