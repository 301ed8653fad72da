-- The quotes already grouped by the new quotes' speakers (staged_speakers, quote_speakers of
-- create_quote_speakers.sql), each with its rank among its speaker's quotes in its article.
WITH ranked AS (
    SELECT *, row_number() OVER (PARTITION BY article_id, speaker ORDER BY content_start, quote_id) AS rank_in_article
    FROM quote_speakers
    WHERE speaker IN (SELECT speaker FROM staged_speakers)
)
SELECT quote_id, article_id, source_id, name, kind, quote_kind, content, spoken, rank_in_article
FROM ranked
WHERE quote_id NOT IN (SELECT item_id FROM staged_link_items)
  AND quote_id IN (SELECT quote_id FROM quote_statements);  -- grouped already (a run links a chunk at a time)
