-- Export of incident_events, in a stable order (event_id).
SELECT * FROM incident_events ORDER BY event_id;
