-- 018_shared_statements: a quote that carries two remarks ("A. B." where other outlets quote "A"
-- and "B" apart) belongs to the statement of each. Its own statement is the row with
-- primary_statement true; rows grouped before this column existed are their quotes' own.
ALTER TABLE quote_statements ADD COLUMN primary_statement BOOLEAN DEFAULT true;
UPDATE quote_statements SET primary_statement = true WHERE primary_statement IS NULL;
