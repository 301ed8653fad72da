-- The quotes of other batches by the sources this batch quotes (only they can be one statement).
SELECT quote_id, article_id, source_id, content
FROM quotes
WHERE source_id IN (SELECT source_id FROM quotes WHERE quote_id IN (SELECT quote_id FROM staged_quotes))
  AND quote_id NOT IN (SELECT quote_id FROM staged_quotes);
