-- Close a run with its counts. Parameters: run_id, finished_at, status, n_inputs, n_articles_new,
-- n_articles_existing, n_duplicates, n_quarantined, n_entity_mentions, error_message, n_quotes,
-- n_article_sources, n_events, n_articles_reextracted, n_articles_other_language, n_records_skipped.
UPDATE runs SET
    finished_at = $2,
    status = $3,
    n_inputs = $4,
    n_articles_new = $5,
    n_articles_existing = $6,
    n_duplicates = $7,
    n_quarantined = $8,
    n_entity_mentions = $9,
    error_message = $10,
    n_quotes = $11,
    n_article_sources = $12,
    n_events = $13,
    n_articles_reextracted = $14,
    n_articles_other_language = $15,
    n_records_skipped = $16
WHERE run_id = $1;
