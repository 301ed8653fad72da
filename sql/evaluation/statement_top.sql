-- The statements carried by the most outlets.
SELECT src.name, s.content, s.n_publishers, s.n_articles
FROM statements AS s
JOIN sources AS src USING (source_id)
WHERE s.n_articles > 1
ORDER BY s.n_publishers DESC, s.n_articles DESC, s.statement_id
LIMIT 8;
