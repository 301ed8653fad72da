-- 003_runs_quote_counts: the run summary counts quotes and article sources too.
ALTER TABLE runs ADD COLUMN n_quotes INTEGER;
ALTER TABLE runs ADD COLUMN n_article_sources INTEGER;
