-- 008_tables_without_index: the data tables lose their PRIMARY KEY constraints.
-- DuckDB keeps an ART index per key and, on every checkpoint (each batch's connection closes
-- with one), rewrites the indexed table's open row group: at 100,000 articles that cost about
-- 1 s a batch and grew with the warehouse. The load keeps every grain by itself (replace by
-- delete and insert, anti-joins for new rows) and sql/checks/duplicate_keys.sql verifies it.
-- DuckDB cannot drop a constraint, so each table is rebuilt, rows in their order, NOT NULLs kept.

-- articles (grain: article_id)
CREATE TABLE articles_rebuilt (
    article_id VARCHAR NOT NULL,
    source_uri VARCHAR NOT NULL,
    external_id VARCHAR,
    url VARCHAR,
    raw_text VARCHAR NOT NULL,
    title VARCHAR,
    byline VARCHAR,
    dateline VARCHAR,
    dateline_date_text VARCHAR,
    agency VARCHAR,
    publisher VARCHAR,
    published_at TIMESTAMP,
    published_at_source VARCHAR,
    "language" VARCHAR NOT NULL,
    body_start INTEGER NOT NULL,
    body_end INTEGER NOT NULL,
    word_count INTEGER NOT NULL,
    layout_version VARCHAR NOT NULL,
    run_id VARCHAR NOT NULL,
    loaded_at TIMESTAMP NOT NULL
);
INSERT INTO articles_rebuilt SELECT * FROM articles ORDER BY rowid;
DROP TABLE articles;
ALTER TABLE articles_rebuilt RENAME TO articles;

-- article_inputs (grain: article_id, source_uri)
CREATE TABLE article_inputs_rebuilt (
    article_id VARCHAR NOT NULL,
    source_uri VARCHAR NOT NULL,
    run_id VARCHAR NOT NULL
);
INSERT INTO article_inputs_rebuilt SELECT * FROM article_inputs ORDER BY rowid;
DROP TABLE article_inputs;
ALTER TABLE article_inputs_rebuilt RENAME TO article_inputs;

-- article_segments (grain: article_id, kind, start)
CREATE TABLE article_segments_rebuilt (
    article_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "value" VARCHAR,
    extractor_version VARCHAR NOT NULL,
    run_id VARCHAR NOT NULL
);
INSERT INTO article_segments_rebuilt SELECT * FROM article_segments ORDER BY rowid;
DROP TABLE article_segments;
ALTER TABLE article_segments_rebuilt RENAME TO article_segments;

-- entity_mentions (grain: article_id, start, end, label)
CREATE TABLE entity_mentions_rebuilt (
    article_id VARCHAR NOT NULL,
    "label" VARCHAR NOT NULL,
    "text" VARCHAR NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    entity_id VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    run_id VARCHAR NOT NULL
);
INSERT INTO entity_mentions_rebuilt SELECT * FROM entity_mentions ORDER BY rowid;
DROP TABLE entity_mentions;
ALTER TABLE entity_mentions_rebuilt RENAME TO entity_mentions;

-- article_extractions (grain: article_id, extractor)
CREATE TABLE article_extractions_rebuilt (
    article_id VARCHAR NOT NULL,
    extractor VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    run_id VARCHAR NOT NULL
);
INSERT INTO article_extractions_rebuilt SELECT * FROM article_extractions ORDER BY rowid;
DROP TABLE article_extractions;
ALTER TABLE article_extractions_rebuilt RENAME TO article_extractions;

-- sources (grain: source_id)
CREATE TABLE sources_rebuilt (
    source_id VARCHAR NOT NULL,
    source_key VARCHAR NOT NULL,
    "name" VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    affiliation VARCHAR,
    extractor_version VARCHAR NOT NULL,
    run_id VARCHAR NOT NULL
);
INSERT INTO sources_rebuilt SELECT * FROM sources ORDER BY rowid;
DROP TABLE sources;
ALTER TABLE sources_rebuilt RENAME TO sources;

-- article_sources (grain: article_id, source_id)
CREATE TABLE article_sources_rebuilt (
    article_id VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    mention_text VARCHAR,
    description VARCHAR,
    affiliation VARCHAR,
    n_quotes INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL,
    run_id VARCHAR NOT NULL
);
INSERT INTO article_sources_rebuilt SELECT * FROM article_sources ORDER BY rowid;
DROP TABLE article_sources;
ALTER TABLE article_sources_rebuilt RENAME TO article_sources;

-- quotes (grain: quote_id)
CREATE TABLE quotes_rebuilt (
    quote_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    source_id VARCHAR,
    speaker_text VARCHAR,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue VARCHAR,
    cue_start INTEGER,
    cue_end INTEGER,
    "content" VARCHAR NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    extractor_version VARCHAR NOT NULL,
    run_id VARCHAR NOT NULL
);
INSERT INTO quotes_rebuilt SELECT * FROM quotes ORDER BY rowid;
DROP TABLE quotes;
ALTER TABLE quotes_rebuilt RENAME TO quotes;

-- events (grain: event_id)
CREATE TABLE events_rebuilt (
    event_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    event_mode VARCHAR,
    acled_event_type VARCHAR,
    acled_sub_event_type VARCHAR,
    trigger_text VARCHAR NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    event_date DATE,
    date_precision VARCHAR NOT NULL,
    date_text VARCHAR,
    place_text VARCHAR,
    geonameid BIGINT, country_iso3 VARCHAR, admin1 VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE,
    geo_precision VARCHAR NOT NULL,
    place_note VARCHAR,
    fatalities INTEGER,
    fatalities_qualifier VARCHAR,
    injured INTEGER,
    injured_qualifier VARCHAR,
    responsibility_status VARCHAR NOT NULL,
    claimed_by VARCHAR,
    modality VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    extractor_version VARCHAR NOT NULL,
    run_id VARCHAR NOT NULL,
    place_source VARCHAR
);
INSERT INTO events_rebuilt SELECT * FROM events ORDER BY rowid;
DROP TABLE events;
ALTER TABLE events_rebuilt RENAME TO events;

-- event_actors (grain: event_id, role, ord)
CREATE TABLE event_actors_rebuilt (
    event_id VARCHAR NOT NULL,
    "role" VARCHAR NOT NULL,
    ord INTEGER NOT NULL,
    "text" VARCHAR NOT NULL,
    canonical VARCHAR NOT NULL,
    sector VARCHAR, country_iso3 VARCHAR,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
INSERT INTO event_actors_rebuilt SELECT * FROM event_actors ORDER BY rowid;
DROP TABLE event_actors;
ALTER TABLE event_actors_rebuilt RENAME TO event_actors;

-- event_casualties (grain: event_id, ord)
CREATE TABLE event_casualties_rebuilt (
    event_id VARCHAR NOT NULL,
    ord INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    victim_text VARCHAR,
    victim_category VARCHAR,
    n INTEGER NOT NULL,
    qualifier VARCHAR,
    counted_in_total BOOLEAN NOT NULL,
    cue_start INTEGER,
    cue_end INTEGER
);
INSERT INTO event_casualties_rebuilt SELECT * FROM event_casualties ORDER BY rowid;
DROP TABLE event_casualties;
ALTER TABLE event_casualties_rebuilt RENAME TO event_casualties;

-- places (grain: geonameid)
CREATE TABLE places_rebuilt (
    geonameid BIGINT NOT NULL,
    "name" VARCHAR NOT NULL, country_iso3 VARCHAR, admin1 VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE
);
INSERT INTO places_rebuilt SELECT * FROM places ORDER BY rowid;
DROP TABLE places;
ALTER TABLE places_rebuilt RENAME TO places;
