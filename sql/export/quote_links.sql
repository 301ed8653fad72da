-- Export of quote_links, in a stable order (quote_a, quote_b).
SELECT * FROM quote_links ORDER BY quote_a, quote_b;
