-- Child rows are replaced, not upserted: drop the article sources of the articles the sources extractor
-- ran for in this batch (staged_extractions) first; other extractors' rows stay.
DELETE FROM article_sources WHERE article_id IN (SELECT article_id FROM staged_extractions WHERE extractor = 'sources');
