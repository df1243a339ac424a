-- Rows are paged by position (idx 0…n-1); files imported before that was enforced kept their own indexes,
-- gaps and all, and their pages and saves failed. Renumber those documents in their order. The first pass
-- moves every index to a text value, which equals no number, so no step meets the UNIQUE (document_id, idx).
CREATE TEMP TABLE dense_idx AS
  SELECT id, row_number() OVER (PARTITION BY document_id ORDER BY idx, id) - 1 AS pos, idx FROM pairs;
DELETE FROM dense_idx WHERE idx IS pos;
UPDATE pairs SET idx = 'moving ' || (SELECT pos FROM dense_idx d WHERE d.id = pairs.id) WHERE id IN (SELECT id FROM dense_idx);
UPDATE pairs SET idx = (SELECT pos FROM dense_idx d WHERE d.id = pairs.id) WHERE id IN (SELECT id FROM dense_idx);
-- A changed document version tells kept pages and alignment undo steps that the rows moved.
UPDATE documents SET version = version + 1 WHERE id IN (SELECT p.document_id FROM pairs p JOIN dense_idx d ON d.id = p.id);
DROP TABLE dense_idx;
