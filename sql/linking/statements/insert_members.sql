-- The regrouped quotes' statements, with each quote's strongest link inside its statement and
-- the quote's speaker: one row for the quote's own statement (primary_statement), and one for
-- each other statement whose every quote it is linked to (a quote carrying two remarks).
INSERT INTO quote_statements BY NAME
SELECT m.item_id AS quote_id, m.group_id AS statement_id, q.source_id, m.link_score, m.link_reason, m.linked_to,
       m.linker_version, m.run_id, m.primary_group AS primary_statement
FROM staged_members AS m
JOIN quotes AS q ON q.quote_id = m.item_id;
