-- Quotes by the $1 most quoted sources in the $2 outlets that quote most: one row per pair.
WITH top_sources AS (
    SELECT source_id FROM quote_overview WHERE source_id IS NOT NULL
    GROUP BY source_id ORDER BY count(*) DESC, source_id LIMIT $1
),
top_outlets AS (
    SELECT outlet FROM quote_overview WHERE outlet IS NOT NULL
    GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT $2
)
SELECT source_id, any_value(source_name) AS source_name, outlet, count(*)::INTEGER AS n_quotes
FROM quote_overview
WHERE source_id IN (SELECT source_id FROM top_sources) AND outlet IN (SELECT outlet FROM top_outlets)
GROUP BY source_id, outlet
ORDER BY source_id, outlet;
