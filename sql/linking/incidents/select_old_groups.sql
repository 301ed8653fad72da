-- The incidents the events in staged_link_frontier belonged to before this batch.
SELECT DISTINCT incident_id FROM incident_events WHERE event_id IN (SELECT item_id FROM staged_link_frontier);
