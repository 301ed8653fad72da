-- Quotes whose content, cue or speaker is not raw_text at their offsets. Empty = pass. The
-- article's text is read through a lateral lookup, never carried beside every quote (see
-- event_offsets_match_text.sql).
SELECT q.quote_id, q.article_id
FROM quotes AS q,
     LATERAL (SELECT substr(a.raw_text, q.content_start + 1, q.content_end - q.content_start) AS content,
                     CASE WHEN q.cue IS NOT NULL
                          THEN substr(a.raw_text, q.cue_start + 1, q.cue_end - q.cue_start) END AS cue,
                     CASE WHEN q.speaker_text IS NOT NULL
                          THEN substr(a.raw_text, q.speaker_start + 1, q.speaker_end - q.speaker_start) END AS speaker,
                     a.body_start, a.body_end
              FROM articles AS a WHERE a.article_id = q.article_id) AS x
WHERE x.content IS DISTINCT FROM q.content
   OR x.cue IS DISTINCT FROM q.cue
   OR x.speaker IS DISTINCT FROM q.speaker_text
   OR q.content_start < x.body_start OR q.content_end > x.body_end;
