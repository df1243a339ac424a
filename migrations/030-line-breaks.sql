-- Whether a line break, not a space, stands before an English sentence in its row (a subtitle cue's second line): stored
-- with the sentence, so that it survives the sentence starting a row of its own and being merged, moved or joined into
-- the row above again. Before this the editor read it from the row's English (machine text first, as imported, then the
-- current text), which a sentence starting a row cannot give; sentences that follow another of their row are set so here.
ALTER TABLE segments ADD COLUMN line_before INTEGER NOT NULL DEFAULT 0 CONSTRAINT segments_line_before_bool CHECK (line_before IN (0, 1));
UPDATE segments SET line_before = 1 WHERE side = 'tgt' AND noise = 0 AND EXISTS (
  SELECT 1 FROM segments prev JOIN pairs p ON p.id = prev.pair_id
  WHERE prev.document_id = segments.document_id AND prev.side = 'tgt' AND prev.idx = segments.idx - 1 AND prev.pair_id = segments.pair_id
    AND CASE WHEN instr(p.mt_text, prev.text || char(10) || segments.text) > 0 THEN 1
             WHEN instr(p.mt_text, prev.text || ' ' || segments.text) > 0 THEN 0
             ELSE instr(p.tgt_text, prev.text || char(10) || segments.text) > 0 END);
