-- Child rows are replaced, not upserted: drop the mentions of the staged articles first.
DELETE FROM entity_mentions WHERE article_id IN (SELECT article_id FROM staged_articles);
