-- Forget the incident of every event being regrouped (and of every gone event).
DELETE FROM incident_events WHERE event_id IN (SELECT item_id FROM staged_link_frontier);
