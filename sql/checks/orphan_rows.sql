-- Child rows whose article is missing. Empty = pass.
SELECT 'entity_mentions' AS table_name, article_id FROM entity_mentions
WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL
SELECT 'article_segments', article_id FROM article_segments
WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL
SELECT 'article_inputs', article_id FROM article_inputs
WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL
SELECT 'article_extractions', article_id FROM article_extractions
WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL
SELECT 'quotes', article_id FROM quotes
WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL
SELECT 'article_sources', article_id FROM article_sources
WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL
SELECT 'events', article_id FROM events
WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL
SELECT 'event_actors', event_id FROM event_actors
WHERE event_id NOT IN (SELECT event_id FROM events)
UNION ALL
SELECT 'event_casualties', event_id FROM event_casualties
WHERE event_id NOT IN (SELECT event_id FROM events)
UNION ALL
SELECT 'event_mentions', event_id FROM event_mentions
WHERE event_id NOT IN (SELECT event_id FROM events);
