-- Child rows are replaced, not upserted: drop the quotes of the staged articles first.
DELETE FROM quotes WHERE article_id IN (SELECT article_id FROM staged_articles);
