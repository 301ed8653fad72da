-- Export of entity_mentions, in a stable order (article_id, start, "end", label).
SELECT * FROM entity_mentions ORDER BY article_id, start, "end", label;
