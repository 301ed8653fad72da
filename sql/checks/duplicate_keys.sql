-- Rows that repeat their table's grain. The tables carry no PRIMARY KEY (an index would make
-- every checkpoint rewrite them, see migration 008), so the load keeps the grains and this
-- check proves it. Empty = pass.
SELECT 'articles' AS table_name, article_id AS id FROM articles GROUP BY article_id HAVING count(*) > 1
UNION ALL
SELECT 'article_inputs', article_id || ' ' || source_uri FROM article_inputs
GROUP BY article_id, source_uri HAVING count(*) > 1
UNION ALL
SELECT 'article_segments', article_id || ' ' || kind || ' ' || start FROM article_segments
GROUP BY article_id, kind, start HAVING count(*) > 1
UNION ALL
SELECT 'entity_mentions', article_id || ' ' || start || ' ' || "end" || ' ' || label FROM entity_mentions
GROUP BY article_id, start, "end", label HAVING count(*) > 1
UNION ALL
SELECT 'article_extractions', article_id || ' ' || extractor FROM article_extractions
GROUP BY article_id, extractor HAVING count(*) > 1
UNION ALL
SELECT 'sources', source_id FROM sources GROUP BY source_id HAVING count(*) > 1
UNION ALL
SELECT 'article_sources', article_id || ' ' || source_id FROM article_sources
GROUP BY article_id, source_id HAVING count(*) > 1
UNION ALL
SELECT 'quotes', quote_id FROM quotes GROUP BY quote_id HAVING count(*) > 1
UNION ALL
SELECT 'events', event_id FROM events GROUP BY event_id HAVING count(*) > 1
UNION ALL
SELECT 'event_actors', event_id || ' ' || role || ' ' || ord FROM event_actors
GROUP BY event_id, role, ord HAVING count(*) > 1
UNION ALL
SELECT 'event_casualties', event_id || ' ' || ord FROM event_casualties GROUP BY event_id, ord HAVING count(*) > 1
UNION ALL
SELECT 'event_mentions', event_id || ' ' || ord FROM event_mentions GROUP BY event_id, ord HAVING count(*) > 1
UNION ALL
SELECT 'places', CAST(geonameid AS VARCHAR) FROM places GROUP BY geonameid HAVING count(*) > 1
UNION ALL
SELECT 'event_links', event_a || ' ' || event_b FROM event_links GROUP BY event_a, event_b HAVING count(*) > 1
UNION ALL
SELECT 'incident_events', event_id FROM incident_events GROUP BY event_id HAVING count(*) > 1
UNION ALL
SELECT 'incidents', incident_id FROM incidents GROUP BY incident_id HAVING count(*) > 1
UNION ALL
SELECT 'quote_links', quote_a || ' ' || quote_b FROM quote_links GROUP BY quote_a, quote_b HAVING count(*) > 1
UNION ALL
SELECT 'quote_statements', quote_id FROM quote_statements GROUP BY quote_id HAVING count(*) > 1
UNION ALL
SELECT 'statements', statement_id FROM statements GROUP BY statement_id HAVING count(*) > 1;
