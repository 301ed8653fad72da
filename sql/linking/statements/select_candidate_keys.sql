-- The quotes already grouped by the new quotes' speakers (staged_speakers): the same source, or a
-- person of the same surname ("person:obama"), as transforms.linking.statements.speaker_key says,
-- each with its rank among its speaker's quotes in its article (as select_staged_keys.sql ranks).
WITH speakers AS (
    SELECT source_id, name, kind,
           CASE WHEN kind = 'person' AND trim(name) <> ''
                THEN 'person:' || lower(string_split(trim(name), ' ')[-1])
                ELSE 'source:' || source_id END AS speaker
    FROM sources
), ranked AS (
    SELECT q.quote_id, q.article_id, q.source_id, sp.name, sp.kind, q.kind AS quote_kind, q.content,
           row_number() OVER (PARTITION BY q.article_id, sp.speaker ORDER BY q.content_start, q.quote_id)
               AS rank_in_article
    FROM quotes AS q
    JOIN speakers AS sp USING (source_id)
    WHERE sp.speaker IN (SELECT speaker FROM staged_speakers)
)
SELECT quote_id, article_id, source_id, name, kind, quote_kind, content, rank_in_article
FROM ranked
WHERE quote_id NOT IN (SELECT item_id FROM staged_link_items)
  AND quote_id IN (SELECT quote_id FROM quote_statements);  -- grouped already (a run links a chunk at a time)
