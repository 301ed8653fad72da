-- 016_statement_speaker: each quote of a statement names its speaker, so that a statement's
-- rows say who said each version without a join to quotes. NULL on rows grouped before this
-- column existed, until their statement is regrouped.
ALTER TABLE quote_statements ADD COLUMN source_id VARCHAR;
