-- How many articles each publisher (or agency) has per month.
-- Grain: publisher x month. Articles without a publication date fall under month NULL.
WITH dated AS (
    SELECT
        coalesce(publisher, agency, '(unknown)') AS outlet,
        date_trunc('month', published_at)        AS month,
        word_count
    FROM articles
)
SELECT
    outlet::VARCHAR            AS outlet,
    CAST(month AS DATE)        AS month,
    count(*)::INTEGER          AS n_articles,
    sum(word_count)::BIGINT    AS n_words
FROM dated
GROUP BY outlet, month
ORDER BY outlet, month;
