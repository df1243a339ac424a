-- Each account keeps the interface language its user chose while signed in (PostgreSQL version of
-- ../015-interface-language.sql); NULL until they choose one, when the browser's cookie or Accept-Language decides.
ALTER TABLE users ADD COLUMN language text CONSTRAINT users_language_valid CHECK (language IS NULL OR language IN ('en', 'zh-CN'));
