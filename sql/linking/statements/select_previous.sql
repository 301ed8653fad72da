-- Quotes that had a statement and must be grouped again: gone (their article was re-extracted
-- without them, or they lost their source) or loaded again by this run (staged_link_items).
SELECT qs.quote_id
FROM quote_statements AS qs
LEFT JOIN quotes AS q USING (quote_id)
WHERE q.quote_id IS NULL OR q.source_id IS NULL
   OR qs.quote_id IN (SELECT item_id FROM staged_link_items);
