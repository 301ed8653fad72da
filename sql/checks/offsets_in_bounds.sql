-- Rows whose offsets fall outside their article's raw text, or whose body is not inside it.
-- Empty = pass.
SELECT 'articles' AS table_name, article_id, body_start AS start, body_end AS "end"
FROM articles
WHERE body_start < 0 OR body_end < body_start OR body_end > length(raw_text)
UNION ALL
SELECT 'article_segments', s.article_id, s.start, s."end"
FROM article_segments AS s JOIN articles AS a USING (article_id)
WHERE s.start < 0 OR s."end" <= s.start OR s."end" > length(a.raw_text)
UNION ALL
SELECT 'entity_mentions', m.article_id, m.start, m."end"
FROM entity_mentions AS m JOIN articles AS a USING (article_id)
WHERE m.start < a.body_start OR m."end" <= m.start OR m."end" > a.body_end;
