-- Quotes matching words, best first (DuckDB full-text search, BM25 over the stemmed content).
-- Grain: quote_id. Parameter $1: the words to search for ("tourists killed").
WITH scored AS (
    SELECT quote_id, fts_main_quotes.match_bm25(quote_id, $1::VARCHAR) AS score
    FROM quotes
)
SELECT
    round(s.score, 3)::DOUBLE   AS score,
    o.source_name::VARCHAR      AS source,
    o.outlet::VARCHAR           AS outlet,
    o.published_at::TIMESTAMP   AS published_at,
    o.content::VARCHAR          AS content
FROM scored AS s
JOIN quote_overview AS o USING (quote_id)
WHERE s.score IS NOT NULL
ORDER BY s.score DESC
LIMIT 50;
