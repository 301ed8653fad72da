-- The 10 most quoted sources of each outlet (publisher, else agency).
-- Grain: outlet x source_id.
WITH counts AS (
    SELECT
        coalesce(outlet, '(unknown)') AS outlet,
        source_id,
        any_value(source_name)        AS source,
        any_value(source_kind)        AS kind,
        count(*)                      AS n_quotes
    FROM quote_overview
    WHERE source_id IS NOT NULL
    GROUP BY ALL
)
SELECT outlet::VARCHAR AS outlet, source::VARCHAR AS source, kind::VARCHAR AS kind, n_quotes::INTEGER AS n_quotes
FROM counts
QUALIFY row_number() OVER (PARTITION BY outlet ORDER BY n_quotes DESC, source) <= 10
ORDER BY outlet, n_quotes DESC, source;
