-- Events and event mentions whose trigger is not raw_text at its offsets, or lies outside its
-- sentence or the body. Empty = pass. Each span reads its article's text through a lateral
-- lookup: a plain join carried the whole raw_text beside every span, and 6,000 spans of one
-- 300 KB article ran the check out of memory.
WITH spans AS (
    SELECT event_id, trigger_text, trigger_start, trigger_end, sentence_start, sentence_end FROM events
    UNION ALL
    SELECT event_id, trigger_text, trigger_start, trigger_end, sentence_start, sentence_end FROM event_mentions
), placed AS (
    SELECT s.*, e.article_id FROM spans AS s JOIN events AS e USING (event_id)
)
SELECT p.event_id, p.article_id
FROM placed AS p,
     LATERAL (SELECT substr(a.raw_text, p.trigger_start + 1, p.trigger_end - p.trigger_start) AS found,
                     a.body_start, a.body_end
              FROM articles AS a WHERE a.article_id = p.article_id) AS x
WHERE x.found IS DISTINCT FROM p.trigger_text
   OR p.trigger_start < p.sentence_start OR p.trigger_end > p.sentence_end
   OR p.sentence_start < x.body_start OR p.sentence_end > x.body_end;
