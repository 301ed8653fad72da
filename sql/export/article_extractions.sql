-- Export of article_extractions, in a stable order (article_id, extractor).
SELECT * FROM article_extractions ORDER BY article_id, extractor;
