-- The stored links that touch the quotes in staged_link_frontier (one step of a component walk).
SELECT quote_a, quote_b, score, reason
FROM quote_links
WHERE quote_a IN (SELECT item_id FROM staged_link_frontier)
   OR quote_b IN (SELECT item_id FROM staged_link_frontier);
