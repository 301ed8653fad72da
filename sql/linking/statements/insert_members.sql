-- The regrouped quotes' statements, with each quote's strongest link inside its statement.
INSERT INTO quote_statements BY NAME
SELECT item_id AS quote_id, group_id AS statement_id, link_score, link_reason, linked_to, linker_version, run_id
FROM staged_members;
