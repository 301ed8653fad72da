-- The links found for this batch's quotes.
INSERT INTO quote_links BY NAME
SELECT item_a AS quote_a, item_b AS quote_b, score, reason, linker_version, run_id
FROM staged_links;
