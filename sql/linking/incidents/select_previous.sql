-- Events that had an incident and must be grouped again: gone (their article was re-extracted
-- without them, or they are no longer asserted) or loaded again by this run (staged_link_items).
SELECT ie.event_id
FROM incident_events AS ie
LEFT JOIN events AS e USING (event_id)
WHERE e.event_id IS NULL OR e.modality <> 'asserted'
   OR ie.event_id IN (SELECT item_id FROM staged_link_items);
