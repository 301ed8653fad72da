-- The statements the quotes in staged_link_frontier belonged to before this batch.
SELECT DISTINCT statement_id FROM quote_statements WHERE quote_id IN (SELECT item_id FROM staged_link_frontier);
