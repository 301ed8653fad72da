-- Grouped quotes that no longer belong in a statement: their article was re-extracted and the
-- quote is gone, or it lost its source.
SELECT qs.quote_id
FROM quote_statements AS qs
LEFT JOIN quotes AS q USING (quote_id)
WHERE q.quote_id IS NULL OR q.source_id IS NULL;
