-- Drop the summaries of statements that lost every quote, or that this run ($1) regrouped.
DELETE FROM statements
WHERE statement_id NOT IN (SELECT statement_id FROM quote_statements)
   OR statement_id IN (SELECT statement_id FROM quote_statements WHERE run_id = $1::VARCHAR);
