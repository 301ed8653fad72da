-- Drop the links of the quotes about to be linked again (staged_link_seeds: the run's quotes
-- and the grouped quotes that are gone).
DELETE FROM quote_links
WHERE quote_a IN (SELECT item_id FROM staged_link_seeds)
   OR quote_b IN (SELECT item_id FROM staged_link_seeds);
