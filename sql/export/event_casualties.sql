-- Export of event_casualties, in a stable order (event_id, ord).
SELECT * FROM event_casualties ORDER BY event_id, ord;
