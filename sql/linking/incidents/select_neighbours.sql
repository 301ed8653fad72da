-- The stored links that touch the events in staged_link_frontier (one step of a component walk).
SELECT event_a, event_b, score, reason
FROM event_links
WHERE event_a IN (SELECT item_id FROM staged_link_frontier)
   OR event_b IN (SELECT item_id FROM staged_link_frontier);
