-- Export of event_actors, in a stable order (event_id, role, ord).
SELECT * FROM event_actors ORDER BY event_id, role, ord;
