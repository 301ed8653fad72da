-- The regrouped events' incidents, with each event's strongest link inside its incident.
INSERT INTO incident_events BY NAME
SELECT item_id AS event_id, group_id AS incident_id, link_score, link_reason, linked_to, linker_version, run_id
FROM staged_members;
