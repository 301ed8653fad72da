-- The events to link: those the run ($1) loaded, and asserted events a killed run left without an
-- incident.
SELECT event_id FROM events
WHERE run_id = $1::VARCHAR
   OR (modality = 'asserted' AND event_id NOT IN (SELECT event_id FROM incident_events));
