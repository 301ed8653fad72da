-- Record every (article, input path) pair once (grain: article_id, source_uri).
INSERT OR IGNORE INTO article_inputs BY NAME
SELECT DISTINCT article_id, source_uri, run_id FROM staged_inputs;
