-- Quotes whose content, cue or speaker is not raw_text at their offsets. Empty = pass.
SELECT q.quote_id, q.article_id
FROM quotes AS q
JOIN articles AS a USING (article_id)
WHERE substr(a.raw_text, q.content_start + 1, q.content_end - q.content_start) IS DISTINCT FROM q.content
   OR (q.cue IS NOT NULL AND substr(a.raw_text, q.cue_start + 1, q.cue_end - q.cue_start) IS DISTINCT FROM q.cue)
   OR (q.speaker_text IS NOT NULL
       AND substr(a.raw_text, q.speaker_start + 1, q.speaker_end - q.speaker_start) IS DISTINCT FROM q.speaker_text)
   OR q.content_start < a.body_start OR q.content_end > a.body_end;
