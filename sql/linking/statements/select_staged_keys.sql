-- What the statement linker compares of this batch's quotes that have a source.
SELECT quote_id, article_id, source_id, content
FROM quotes
WHERE quote_id IN (SELECT quote_id FROM staged_quotes) AND source_id IS NOT NULL;
