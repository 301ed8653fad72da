-- Export of statements, in a stable order (statement_id).
SELECT * FROM statements ORDER BY statement_id;
