-- 004_events: what happened, who did it to whom, where, when and how many.
-- Offsets index articles.raw_text (see 001). PLOVER event types and modes, ACLED types beside them.

-- One row per event an article reports (grain: event_id).
CREATE TABLE events (
    event_id              VARCHAR PRIMARY KEY,   -- hash of article_id and the trigger span
    article_id            VARCHAR NOT NULL,
    event_type            VARCHAR NOT NULL,      -- PLOVER: ASSAULT, COERCE, PROTEST, ...
    event_mode            VARCHAR,               -- PLOVER mode: suicide attack, aerial, arrest, ...
    acled_event_type      VARCHAR,
    acled_sub_event_type  VARCHAR,
    trigger_text          VARCHAR NOT NULL,
    trigger_start         INTEGER NOT NULL,
    trigger_end           INTEGER NOT NULL,
    sentence_start        INTEGER NOT NULL,
    sentence_end          INTEGER NOT NULL,
    event_date            DATE,                  -- only at day precision
    date_precision        VARCHAR NOT NULL,      -- day | week | month | year | season | unknown
    date_text             VARCHAR,
    place_text            VARCHAR,
    geonameid             BIGINT,
    country_iso3          VARCHAR,
    admin1                VARCHAR,
    latitude              DOUBLE,
    longitude             DOUBLE,
    geo_precision         VARCHAR NOT NULL,      -- exact | country | unknown
    place_note            VARCHAR,               -- how the place was resolved, or why not
    fatalities            INTEGER,
    fatalities_qualifier  VARCHAR,               -- at least | more than | about | up to
    injured               INTEGER,
    injured_qualifier     VARCHAR,
    responsibility_status VARCHAR NOT NULL,      -- claimed | attributed | suspected | denied | none
    claimed_by            VARCHAR,
    modality              VARCHAR NOT NULL,      -- asserted | negated | hypothetical | future
    confidence            DOUBLE NOT NULL,
    extractor_version     VARCHAR NOT NULL,
    run_id                VARCHAR NOT NULL
);

-- Who took part and how (grain: event_id, role, ord).
CREATE TABLE event_actors (
    event_id      VARCHAR NOT NULL,
    role          VARCHAR NOT NULL,              -- actor | target | victim | claimant | supporter
    ord           INTEGER NOT NULL,
    text          VARCHAR NOT NULL,
    canonical     VARCHAR NOT NULL,              -- "Islamic State" for ISIS, IS, ISIL, Daesh
    sector        VARCHAR,                       -- GOV | MIL | REB | COP | CVL | ...
    country_iso3  VARCHAR,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    PRIMARY KEY (event_id, role, ord)
);

-- The parts of each count: "20 tourists and one policeman were killed" is two rows (grain: event_id, ord).
CREATE TABLE event_casualties (
    event_id          VARCHAR NOT NULL,
    ord               INTEGER NOT NULL,
    kind              VARCHAR NOT NULL,          -- killed | injured | arrested | abducted
    victim_text       VARCHAR,
    victim_category   VARCHAR,
    n                 INTEGER NOT NULL,
    qualifier         VARCHAR,
    counted_in_total  BOOLEAN NOT NULL,
    PRIMARY KEY (event_id, ord)
);

-- Every GeoNames place an event was placed at (grain: geonameid).
CREATE TABLE places (
    geonameid     BIGINT PRIMARY KEY,
    name          VARCHAR NOT NULL,
    country_iso3  VARCHAR,
    admin1        VARCHAR,
    latitude      DOUBLE,
    longitude     DOUBLE
);
