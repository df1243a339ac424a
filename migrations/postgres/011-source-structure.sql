-- The structure of an imported Word file, web page, Markdown or subtitle file, so that the translated document can be
-- rebuilt in the same shape. NULL for plain texts and bilingual files. Kept as text, as on SQLite; a value that is not
-- JSON fails the cast in the check (an invalid_text_representation error rather than a check violation).
ALTER TABLE sources ADD COLUMN format text
  CONSTRAINT sources_format_valid CHECK (format IS NULL OR format IN ('docx', 'md', 'html', 'srt', 'vtt'));
ALTER TABLE sources ADD COLUMN structure text
  CONSTRAINT sources_structure_json CHECK (structure IS NULL OR structure::jsonb IS NOT NULL);
