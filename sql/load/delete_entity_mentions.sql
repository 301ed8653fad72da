-- Child rows are replaced, not upserted: drop the mentions of the articles the entities extractor
-- ran for in this batch (staged_extractions) first; other extractors' rows stay.
DELETE FROM entity_mentions WHERE article_id IN (SELECT article_id FROM staged_extractions WHERE extractor = 'entities');
