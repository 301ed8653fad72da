-- Export of article_segments, in a stable order (article_id, kind, start).
SELECT * FROM article_segments ORDER BY article_id, kind, start;
