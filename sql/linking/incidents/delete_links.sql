-- Drop the links of the events about to be linked again (staged_link_seeds: the run's events
-- and the grouped events that are gone).
DELETE FROM event_links
WHERE event_a IN (SELECT item_id FROM staged_link_seeds)
   OR event_b IN (SELECT item_id FROM staged_link_seeds);
