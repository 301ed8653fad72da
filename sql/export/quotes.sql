-- Export of quotes, in a stable order (quote_id).
SELECT * FROM quotes ORDER BY quote_id;
