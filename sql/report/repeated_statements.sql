-- The most repeated statements (at most $1): carried by the most outlets, then articles.
SELECT statement_id, source_name, content, n_quotes, n_articles, n_publishers, first_publisher, first_published_at
FROM statement_overview
WHERE n_articles > 1
ORDER BY n_publishers DESC, n_articles DESC, first_published_at, statement_id
LIMIT $1;
