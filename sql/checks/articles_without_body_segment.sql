-- Articles whose layout has no body segment matching body_start/body_end. Empty = pass.
SELECT a.article_id
FROM articles AS a
LEFT JOIN article_segments AS s
  ON s.article_id = a.article_id AND s.kind = 'body' AND s.start = a.body_start AND s."end" = a.body_end
WHERE s.article_id IS NULL;
