-- Close a run with its final status and counts. Named parameters: run_id, finished_at, status,
-- error_message, and one per field of warehouse.runs.RunCounts (each a column of runs).
UPDATE runs SET
    finished_at = $finished_at,
    status = $status,
    error_message = $error_message,
    n_inputs = $n_inputs,
    n_articles_new = $n_articles_new,
    n_articles_existing = $n_articles_existing,
    n_articles_reextracted = $n_articles_reextracted,
    n_duplicates = $n_duplicates,
    n_quarantined = $n_quarantined,
    n_entity_mentions = $n_entity_mentions,
    n_quotes = $n_quotes,
    n_article_sources = $n_article_sources,
    n_events = $n_events,
    n_articles_other_language = $n_articles_other_language,
    n_records_skipped = $n_records_skipped,
    n_files_unchanged = $n_files_unchanged
WHERE run_id = $run_id;
