-- The structure of an imported Word file, web page, Markdown or subtitle file, so that the translated
-- document can be rebuilt in the same shape: its format and its blocks (kind, heading level, cue
-- number and time codes) with their offsets into `content`. NULL for plain texts and bilingual files.
ALTER TABLE sources ADD COLUMN format TEXT
  CONSTRAINT sources_format_valid CHECK (format IS NULL OR format IN ('docx', 'md', 'html', 'srt', 'vtt'));
ALTER TABLE sources ADD COLUMN structure TEXT
  CONSTRAINT sources_structure_json CHECK (structure IS NULL OR json_valid(structure));
