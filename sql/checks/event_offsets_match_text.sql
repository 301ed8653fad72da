-- Events and event mentions whose trigger is not raw_text at its offsets, or lies outside its
-- sentence or the body. Empty = pass.
WITH spans AS (
    SELECT event_id, trigger_text, trigger_start, trigger_end, sentence_start, sentence_end FROM events
    UNION ALL
    SELECT event_id, trigger_text, trigger_start, trigger_end, sentence_start, sentence_end FROM event_mentions
)
SELECT s.event_id, e.article_id
FROM spans AS s
JOIN events AS e USING (event_id)
JOIN articles AS a USING (article_id)
WHERE substr(a.raw_text, s.trigger_start + 1, s.trigger_end - s.trigger_start) IS DISTINCT FROM s.trigger_text
   OR s.trigger_start < s.sentence_start OR s.trigger_end > s.sentence_end
   OR s.sentence_start < a.body_start OR s.sentence_end > a.body_end;
