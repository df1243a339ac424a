-- What wrote a pair's mt_text: a machine translation engine or the imported file ('mt'), or the offline word-by-word
-- dictionary gloss ('gloss'), which is a rough draft, labelled "gloss draft" and never counted as machine translation.
ALTER TABLE pairs ADD COLUMN mt_kind text NOT NULL DEFAULT 'mt'
  CONSTRAINT pairs_mt_kind_valid CHECK (mt_kind IN ('mt', 'gloss'));
-- Drafts the gloss made before this are known by their revision's note ("mt:gloss…", see machine-translation.ts).
UPDATE pairs SET mt_kind = 'gloss'
  WHERE mt_text != '' AND EXISTS (SELECT 1 FROM revisions r WHERE r.pair_id = pairs.id AND r.action = 'mt' AND r.comment LIKE 'mt:gloss%');
-- The per-document counts tell gloss drafts from machine ones from the index alone.
DROP INDEX pairs_document_states;
CREATE INDEX pairs_document_states ON pairs(document_id, noise, state, mt_kind);
