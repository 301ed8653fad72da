-- The quotes to group: those the run ($1) loaded, and quotes with a source a killed run left
-- without a statement.
SELECT quote_id FROM quotes
WHERE run_id = $1::VARCHAR
   OR (source_id IS NOT NULL AND quote_id NOT IN (SELECT quote_id FROM quote_statements));
