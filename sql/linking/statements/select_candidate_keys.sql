-- The quotes already grouped by the new quotes' speakers (staged_speakers): the same source, or a
-- person of the same surname ("person:obama"), as transforms.linking.statements.speaker_key says.
WITH speakers AS (
    SELECT source_id, name, kind,
           CASE WHEN kind = 'person' AND trim(name) <> ''
                THEN 'person:' || lower(string_split(trim(name), ' ')[-1])
                ELSE 'source:' || source_id END AS speaker
    FROM sources
)
SELECT q.quote_id, q.article_id, q.source_id, sp.name, sp.kind, q.kind AS quote_kind, q.content
FROM quotes AS q
JOIN speakers AS sp USING (source_id)
WHERE sp.speaker IN (SELECT speaker FROM staged_speakers)
  AND q.quote_id NOT IN (SELECT item_id FROM staged_link_items)
  AND q.quote_id IN (SELECT quote_id FROM quote_statements);  -- grouped already (a run links a chunk at a time)
