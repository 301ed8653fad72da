-- Export of event_mentions, in a stable order (event_id, ord).
SELECT * FROM event_mentions ORDER BY event_id, ord;
