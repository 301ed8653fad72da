-- Child rows are replaced, not upserted: drop the events (and their actors, casualties and mentions)
-- of the articles the events extractor ran for in this batch (staged_extractions) first;
-- other extractors' rows stay.
DELETE FROM event_actors WHERE event_id IN (SELECT event_id FROM events WHERE article_id IN (SELECT article_id FROM staged_extractions WHERE extractor = 'events'));
DELETE FROM event_casualties WHERE event_id IN (SELECT event_id FROM events WHERE article_id IN (SELECT article_id FROM staged_extractions WHERE extractor = 'events'));
DELETE FROM event_mentions WHERE event_id IN (SELECT event_id FROM events WHERE article_id IN (SELECT article_id FROM staged_extractions WHERE extractor = 'events'));
DELETE FROM events WHERE article_id IN (SELECT article_id FROM staged_extractions WHERE extractor = 'events');
