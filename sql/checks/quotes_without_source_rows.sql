-- Quotes pointing at a source that is missing from sources or from the article's
-- article_sources, and article sources whose source is missing. Empty = pass.
SELECT 'quotes' AS table_name, q.quote_id AS id
FROM quotes AS q
WHERE q.source_id IS NOT NULL
  AND (q.source_id NOT IN (SELECT source_id FROM sources)
       OR NOT EXISTS (SELECT 1 FROM article_sources AS s WHERE s.article_id = q.article_id AND s.source_id = q.source_id))
UNION ALL
SELECT 'article_sources', s.article_id || '/' || s.source_id
FROM article_sources AS s
WHERE s.source_id NOT IN (SELECT source_id FROM sources);
