-- Whether a line break, not a space, stands before an English sentence in its row (a subtitle cue's second line): stored
-- with the sentence, so that it survives the sentence starting a row of its own and being merged, moved or joined into
-- the row above again. Before this the editor read it from the row's English (machine text first, as imported, then the
-- current text), which a sentence starting a row cannot give; sentences that follow another of their row are set so here.
ALTER TABLE segments ADD COLUMN line_before integer NOT NULL DEFAULT 0 CONSTRAINT segments_line_before_bool CHECK (line_before IN (0, 1));
UPDATE segments s SET line_before = 1 FROM segments prev JOIN pairs p ON p.id = prev.pair_id
WHERE s.side = 'tgt' AND s.noise = 0 AND prev.document_id = s.document_id AND prev.side = 'tgt' AND prev.idx = s.idx - 1 AND prev.pair_id = s.pair_id
  AND CASE WHEN position(prev.text || chr(10) || s.text IN p.mt_text) > 0 THEN true
           WHEN position(prev.text || ' ' || s.text IN p.mt_text) > 0 THEN false
           ELSE position(prev.text || chr(10) || s.text IN p.tgt_text) > 0 END;
