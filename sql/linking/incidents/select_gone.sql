-- Grouped events that are no longer asserted events of the warehouse (their article was
-- re-extracted and the event is gone, or now negated or hypothetical).
SELECT ie.event_id
FROM incident_events AS ie
LEFT JOIN events AS e USING (event_id)
WHERE e.event_id IS NULL OR e.modality <> 'asserted';
