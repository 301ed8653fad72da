-- Export of article_inputs, in a stable order (article_id, source_uri).
SELECT * FROM article_inputs ORDER BY article_id, source_uri;
