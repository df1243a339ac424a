-- Indexes for what every page reads while people save.
-- The per-document counts (states, noise, sentences per side): an index scan instead of reading every row with its texts.
CREATE INDEX pairs_document_states ON pairs(document_id, noise, state);
CREATE INDEX segments_document_noise_side ON segments(document_id, noise, side);
-- The translation memory holds approved pairs: its cache is stale only after a revision into or out of the approved state.
CREATE INDEX revisions_approval ON revisions(id) WHERE old_state = 30 OR new_state = 30;
CREATE INDEX pairs_approved ON pairs(id) WHERE state = 30;
