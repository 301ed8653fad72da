-- Forget the statement of every quote being regrouped (and of every gone quote).
DELETE FROM quote_statements WHERE quote_id IN (SELECT item_id FROM staged_link_frontier);
