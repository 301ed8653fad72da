-- Events whose trigger is not raw_text at its offsets, or lies outside its sentence or the body. Empty = pass.
SELECT e.event_id, e.article_id
FROM events AS e
JOIN articles AS a USING (article_id)
WHERE substr(a.raw_text, e.trigger_start + 1, e.trigger_end - e.trigger_start) IS DISTINCT FROM e.trigger_text
   OR e.trigger_start < e.sentence_start OR e.trigger_end > e.sentence_end
   OR e.sentence_start < a.body_start OR e.sentence_end > a.body_end;
