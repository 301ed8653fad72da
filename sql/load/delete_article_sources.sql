-- Child rows are replaced, not upserted: drop the article sources of the staged articles first.
DELETE FROM article_sources WHERE article_id IN (SELECT article_id FROM staged_articles);
