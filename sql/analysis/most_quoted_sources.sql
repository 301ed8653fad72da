-- The 50 most quoted sources overall: quotes, articles and outlets that quote them.
-- Grain: source_id.
SELECT
    source_name::VARCHAR                   AS source,
    source_kind::VARCHAR                   AS kind,
    any_value(source_affiliation)::VARCHAR AS affiliation,
    count(*)::INTEGER                      AS n_quotes,
    count(DISTINCT article_id)::INTEGER    AS n_articles,
    count(DISTINCT outlet)::INTEGER        AS n_outlets
FROM quote_overview
WHERE source_id IS NOT NULL
GROUP BY source_id, source_name, source_kind
ORDER BY n_quotes DESC, n_articles DESC, source
LIMIT 50;
