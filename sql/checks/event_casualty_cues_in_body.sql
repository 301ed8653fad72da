-- Casualty cues ("killed", "wounded") that lie outside their article's body or are empty. Empty = pass.
SELECT c.event_id, c.ord
FROM event_casualties AS c
JOIN events AS e USING (event_id)
JOIN articles AS a USING (article_id)
WHERE c.cue_start IS NULL OR c.cue_end <= c.cue_start
   OR c.cue_start < a.body_start OR c.cue_end > a.body_end;
