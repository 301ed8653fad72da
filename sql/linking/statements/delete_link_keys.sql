-- Drop the stored keys of the quotes about to be linked again (staged_link_items) and of quotes
-- that are gone: keys are written again for what is read.
DELETE FROM quote_link_keys
WHERE quote_id IN (SELECT item_id FROM staged_link_items)
   OR quote_id NOT IN (SELECT quote_id FROM quotes);
