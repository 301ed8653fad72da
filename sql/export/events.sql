-- Export of events, in a stable order (event_id).
SELECT * FROM events ORDER BY event_id;
