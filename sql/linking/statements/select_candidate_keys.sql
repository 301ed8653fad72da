-- The quotes already grouped by the new quotes' speakers (staged_speakers, quote_speakers of
-- create_quote_speakers.sql) that may link to a new quote: those whose stored keys
-- (quote_link_keys of this linker version, $1) share a shingle with a new quote
-- (staged_shingles), and those with no such keys yet, which the linker reads and stores. Each
-- with its rank among its speaker's quotes in its article, and whether its keys are stored.
WITH ranked AS (
    SELECT *, row_number() OVER (PARTITION BY article_id, speaker ORDER BY content_start, quote_id) AS rank_in_article
    FROM quote_speakers
    WHERE speaker IN (SELECT speaker FROM staged_speakers)
),
grouped AS (
    SELECT r.*, k.shingles
    FROM ranked AS r
    LEFT JOIN quote_link_keys AS k ON k.quote_id = r.quote_id AND k.linker_version = $1
    WHERE r.quote_id NOT IN (SELECT item_id FROM staged_link_items)
      AND r.quote_id IN (SELECT quote_id FROM quote_statements)  -- grouped already (a run links a chunk at a time)
),
sharing AS (
    SELECT DISTINCT g.quote_id
    FROM grouped AS g, unnest(g.shingles) AS s(shingle)
    WHERE s.shingle IN (SELECT shingle FROM staged_shingles)
)
SELECT quote_id, article_id, source_id, name, kind, quote_kind, content, rank_in_article, shingles IS NOT NULL
FROM grouped
WHERE shingles IS NULL OR quote_id IN (SELECT quote_id FROM sharing);
