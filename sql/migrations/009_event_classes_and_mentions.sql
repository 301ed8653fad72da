-- 009_event_classes_and_mentions: one row per incident, with every sentence that speaks of it.
-- event_class is the ACLED sub-event type, or one of five kinds ACLED does not code (Organized
-- crime, Natural disaster, Man-made disaster, Diplomatic event, Attribution of responsibility),
-- so every event has one; the ACLED columns stay NULL for those five. Disasters and accidents
-- have no PLOVER type, so event_type may be NULL.
ALTER TABLE events ALTER COLUMN event_type DROP NOT NULL;
ALTER TABLE events ADD COLUMN event_class VARCHAR;
-- The finest place the article gives for the event, as written: "the 100 block of Main Street".
ALTER TABLE events ADD COLUMN address VARCHAR;
-- Where event_date came from: a sentence about the event, the article (the nearest day it
-- names when no sentence about the event names one), or none.
ALTER TABLE events ADD COLUMN date_source VARCHAR;
-- A person followed across sentences ("a man" ... "he"), so one victim counts once.
ALTER TABLE event_casualties ADD COLUMN victim_key VARCHAR;

-- Every sentence that reports an event, the first (ord 0) where it was found (grain: event_id, ord).
-- Offsets index articles.raw_text; fatalities and injured are what that sentence alone says.
CREATE TABLE event_mentions (
    event_id        VARCHAR NOT NULL,
    ord             INTEGER NOT NULL,
    trigger_text    VARCHAR NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    event_class     VARCHAR,                 -- how this sentence alone types it; NULL: it only counts harm
    fatalities      INTEGER,
    injured         INTEGER,
    date_text       VARCHAR
);
