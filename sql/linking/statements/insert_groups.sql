-- One summary row per statement this run ($2) regrouped: who said it (the source as the first
-- article to carry it named it), its longest wording among its own quotes,
-- how many articles and outlets carried it, and the first of them (earliest publication; ties:
-- the smaller quote id).
INSERT INTO statements BY NAME
WITH members AS (
    SELECT qs.statement_id, q.quote_id, q.article_id, q.source_id, q.content, a.published_at,
           coalesce(qs.primary_statement, true) AS own,
           coalesce(a.publisher, a.agency) AS outlet
    FROM quote_statements AS qs
    JOIN quotes AS q USING (quote_id)
    JOIN articles AS a USING (article_id)
    WHERE qs.statement_id IN (SELECT statement_id FROM quote_statements WHERE run_id = $2::VARCHAR)
)
SELECT
    statement_id,
    first(source_id ORDER BY published_at NULLS LAST, quote_id) AS source_id,  -- as the first carrier named the speaker
    first(content ORDER BY own DESC, length(content) DESC, quote_id) AS content,  -- a quote carrying two remarks is no wording of one
    count(*) AS n_quotes,
    count(DISTINCT article_id) AS n_articles,
    count(DISTINCT outlet) AS n_publishers,
    first(quote_id ORDER BY published_at NULLS LAST, quote_id) AS first_quote_id,
    first(article_id ORDER BY published_at NULLS LAST, quote_id) AS first_article_id,
    first(outlet ORDER BY published_at NULLS LAST, quote_id) AS first_publisher,
    min(published_at) AS first_published_at,
    max(published_at) AS last_published_at,
    $1::VARCHAR AS linker_version,
    $2::VARCHAR AS run_id
FROM members
GROUP BY statement_id;
