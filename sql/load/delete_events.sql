-- Child rows are replaced, not upserted: drop the events (and their actors and casualties)
-- of the staged articles first.
DELETE FROM event_actors WHERE event_id IN (SELECT event_id FROM events WHERE article_id IN (SELECT article_id FROM staged_articles));
DELETE FROM event_casualties WHERE event_id IN (SELECT event_id FROM events WHERE article_id IN (SELECT article_id FROM staged_articles));
DELETE FROM events WHERE article_id IN (SELECT article_id FROM staged_articles);
