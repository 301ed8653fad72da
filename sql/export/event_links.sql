-- Export of event_links, in a stable order (event_a, event_b).
SELECT * FROM event_links ORDER BY event_a, event_b;
