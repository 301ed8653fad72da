-- Export of quote_statements, in a stable order (quote_id).
SELECT * FROM quote_statements ORDER BY quote_id;
