-- Child rows are replaced, not upserted: drop the segments of the articles the layout extractor
-- ran for in this batch (staged_extractions) first; other extractors' rows stay.
DELETE FROM article_segments WHERE article_id IN (SELECT article_id FROM staged_extractions WHERE extractor = 'layout');
