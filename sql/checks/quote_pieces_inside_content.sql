-- Quotes whose pieces of spoken words are not inside their content, overlap, run backwards, or
-- whose two offset lists differ in length. Empty = pass.
WITH pieces AS (
    SELECT q.quote_id, q.article_id, q.content_start, q.content_end,
           unnest(q.piece_starts) AS piece_start, unnest(q.piece_ends) AS piece_end,
           unnest(range(len(q.piece_starts))) AS piece_number
    FROM quotes AS q
    WHERE len(q.piece_starts) = len(q.piece_ends)
), ordered AS (
    SELECT *, lag(piece_end) OVER (PARTITION BY quote_id ORDER BY piece_number) AS previous_end
    FROM pieces
)
SELECT quote_id, article_id
FROM ordered
WHERE piece_start < content_start OR piece_end > content_end OR piece_end <= piece_start
   OR piece_start < previous_end
UNION ALL
SELECT quote_id, article_id
FROM quotes
WHERE len(piece_starts) IS DISTINCT FROM len(piece_ends);
