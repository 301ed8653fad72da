-- Child rows are replaced, not upserted: drop the segments of the staged articles first.
DELETE FROM article_segments WHERE article_id IN (SELECT article_id FROM staged_articles);
