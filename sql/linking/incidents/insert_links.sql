-- The links found for this batch's events.
INSERT INTO event_links BY NAME
SELECT item_a AS event_a, item_b AS event_b, score, reason, linker_version, run_id
FROM staged_links;
