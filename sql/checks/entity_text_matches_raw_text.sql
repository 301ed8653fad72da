-- Entity mentions whose text is not raw_text[start:end] of their article. Empty = pass. The
-- article's text is read through a lateral lookup, never carried beside every mention (see
-- event_offsets_match_text.sql).
SELECT m.article_id, m.start, m."end", m.text
FROM entity_mentions AS m,
     LATERAL (SELECT substr(a.raw_text, m.start + 1, m."end" - m.start) AS found
              FROM articles AS a WHERE a.article_id = m.article_id) AS x
WHERE x.found IS DISTINCT FROM m.text;
