-- Export of quote_statements, in a stable order (quote_id, then statement_id).
SELECT * FROM quote_statements ORDER BY quote_id, statement_id;
