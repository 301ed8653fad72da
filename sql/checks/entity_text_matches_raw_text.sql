-- Entity mentions whose text is not raw_text[start:end] of their article. Empty = pass.
SELECT m.article_id, m.start, m."end", m.text
FROM entity_mentions AS m
JOIN articles AS a USING (article_id)
WHERE substr(a.raw_text, m.start + 1, m."end" - m.start) IS DISTINCT FROM m.text;
