-- Each account keeps the interface language its user chose while signed in; NULL until they choose one, when
-- the browser's cookie or Accept-Language decides as before.
ALTER TABLE users ADD COLUMN language TEXT CONSTRAINT users_language_valid CHECK (language IS NULL OR language IN ('en', 'zh-CN'));
