-- The quotes behind the source-by-outlet table (staged_report_cells), at most $1 per cell, newest first.
SELECT source_id, outlet, title, published_at, content
FROM (
    SELECT q.source_id, q.outlet, q.title, q.published_at, q.content,
           row_number() OVER (PARTITION BY q.source_id, q.outlet ORDER BY q.published_at DESC NULLS LAST, q.quote_id) AS n
    FROM quote_overview AS q
    JOIN staged_report_cells AS c ON c.source_id = q.source_id AND c.outlet = q.outlet
)
WHERE n <= $1
ORDER BY source_id, outlet, n;
