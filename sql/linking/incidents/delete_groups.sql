-- Drop the summaries of incidents that lost every event, or that this run ($1) regrouped.
DELETE FROM incidents
WHERE incident_id NOT IN (SELECT incident_id FROM incident_events)
   OR incident_id IN (SELECT incident_id FROM incident_events WHERE run_id = $1::VARCHAR);
