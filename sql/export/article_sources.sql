-- Export of article_sources, in a stable order (article_id, source_id).
SELECT * FROM article_sources ORDER BY article_id, source_id;
