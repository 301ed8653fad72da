-- Export of incidents, in a stable order (incident_id).
SELECT * FROM incidents ORDER BY incident_id;
