-- The statements quoted by the most outlets: who said it, the longest wording, who carried it
-- first and when, and every outlet that repeated it. Grain: statement_id.
SELECT
    s.statement_id::VARCHAR                              AS statement_id,
    s.source_name::VARCHAR                               AS source_name,
    s.content::VARCHAR                                   AS content,
    s.n_publishers::INTEGER                              AS n_publishers,
    s.n_articles::INTEGER                                AS n_articles,
    s.first_publisher::VARCHAR                           AS first_publisher,
    s.first_published_at::TIMESTAMP                      AS first_published_at,
    list(DISTINCT q.outlet ORDER BY q.outlet)::VARCHAR[] AS outlets
FROM statement_overview AS s
JOIN statement_quotes AS q USING (statement_id)
WHERE s.n_articles > 1
GROUP BY ALL
ORDER BY n_publishers DESC, n_articles DESC, first_published_at, statement_id;
