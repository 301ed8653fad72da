-- Child rows are replaced, not upserted: drop the quotes of the articles the quotes extractor
-- ran for in this batch (staged_extractions) first; other extractors' rows stay.
DELETE FROM quotes WHERE article_id IN (SELECT article_id FROM staged_extractions WHERE extractor = 'quotes');
