-- 006_event_place_source_and_casualty_cues: where an event's place came from, and where each
-- casualty count is said.
-- A dateline is where the story was filed; its country stands in for the event's place only
-- when the article names no place in another country, and place_source says so, so an
-- analyst can keep or drop those rows.
ALTER TABLE events ADD COLUMN place_source VARCHAR;  -- sentence | dateline | none
-- The word that says what happened ("killed", "wounded", "nobody was injured"), as offsets into
-- articles.raw_text, so a count can be shown in its context.
ALTER TABLE event_casualties ADD COLUMN cue_start INTEGER;
ALTER TABLE event_casualties ADD COLUMN cue_end INTEGER;
