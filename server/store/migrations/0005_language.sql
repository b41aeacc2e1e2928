-- 0005 (issue 23): a delegate's language (their emails and text messages, set at Add Delegate)
-- and the language of the typing sentence a pending login types. Existing rows: English.

ALTER TABLE accounts ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
  CHECK (language IN ('en', 'es'));

ALTER TABLE pendings ADD COLUMN sample_lang TEXT NOT NULL DEFAULT 'en'
  CHECK (sample_lang IN ('en', 'es'));
