-- 012_incidents_and_statements: what many outlets report once.
-- An incident is a group of events from different articles that describe one act; a statement
-- is a group of quotes of one source with the same or nearly the same words. Both are kept
-- incrementally: the links between pairs are stored, and a new batch regroups only the groups
-- its rows can reach (transforms/linking, warehouse/linking.py). No PRIMARY KEY (migration 008):
-- the linking keeps each grain, and sql/checks/duplicate_keys.sql verifies it.

-- Every pair of events the incident linker found compatible (grain: event_a, event_b; event_a < event_b).
CREATE TABLE event_links (
    event_a        VARCHAR NOT NULL,
    event_b        VARCHAR NOT NULL,
    score          DOUBLE NOT NULL,              -- the weights of the fields that agreed
    reason         VARCHAR NOT NULL,             -- those fields: "same type+same place+same day"
    linker_version VARCHAR NOT NULL,
    run_id         VARCHAR NOT NULL
);

-- Which incident each asserted event belongs to (grain: event_id). An event linked to nothing is
-- an incident of its own (link_score NULL).
CREATE TABLE incident_events (
    event_id       VARCHAR NOT NULL,
    incident_id    VARCHAR NOT NULL,             -- the smallest event_id of the incident
    link_score     DOUBLE,                       -- its strongest link within the incident
    link_reason    VARCHAR,                      -- which fields agreed on that link
    linked_to      VARCHAR,                      -- the event at the other end of that link
    linker_version VARCHAR NOT NULL,
    run_id         VARCHAR NOT NULL
);

-- One row per incident (grain: incident_id), summarised from its events and their articles.
CREATE TABLE incidents (
    incident_id          VARCHAR NOT NULL,
    event_class          VARCHAR NOT NULL,       -- the class most of its reports give
    event_type           VARCHAR,                -- PLOVER
    acled_event_type     VARCHAR,
    acled_sub_event_type VARCHAR,
    incident_date        DATE,                   -- the day most reports give; NULL when none gives one
    country_iso3         VARCHAR,
    geonameid            BIGINT,                 -- the place most exact reports give
    place_name           VARCHAR,
    latitude             DOUBLE,
    longitude            DOUBLE,
    geo_precision        VARCHAR NOT NULL,       -- exact | country | unknown
    fatalities           INTEGER,                -- see sql/linking/refresh_incidents.sql
    injured              INTEGER,
    n_events             INTEGER NOT NULL,
    n_reports            INTEGER NOT NULL,       -- distinct articles
    n_publishers         INTEGER NOT NULL,       -- distinct publishers (or agencies)
    first_reported_at    TIMESTAMP,
    last_reported_at     TIMESTAMP,
    first_article_id     VARCHAR,
    linker_version       VARCHAR NOT NULL,
    run_id               VARCHAR NOT NULL
);

-- Every pair of quotes of one source found to carry the same words (grain: quote_a, quote_b; quote_a < quote_b).
CREATE TABLE quote_links (
    quote_a        VARCHAR NOT NULL,
    quote_b        VARCHAR NOT NULL,
    score          DOUBLE NOT NULL,              -- 1 for the same normalised text, else the shingle containment
    reason         VARCHAR NOT NULL,             -- same text | contained
    linker_version VARCHAR NOT NULL,
    run_id         VARCHAR NOT NULL
);

-- Which statement each quote with a source belongs to (grain: quote_id).
CREATE TABLE quote_statements (
    quote_id       VARCHAR NOT NULL,
    statement_id   VARCHAR NOT NULL,             -- the smallest quote_id of the statement
    link_score     DOUBLE,
    link_reason    VARCHAR,
    linked_to      VARCHAR,
    linker_version VARCHAR NOT NULL,
    run_id         VARCHAR NOT NULL
);

-- One row per statement (grain: statement_id): who said it, the words, who carried it first.
CREATE TABLE statements (
    statement_id       VARCHAR NOT NULL,
    source_id          VARCHAR NOT NULL,
    content            VARCHAR NOT NULL,         -- the longest wording quoted
    n_quotes           INTEGER NOT NULL,
    n_articles         INTEGER NOT NULL,
    n_publishers       INTEGER NOT NULL,
    first_quote_id     VARCHAR NOT NULL,
    first_article_id   VARCHAR NOT NULL,
    first_publisher    VARCHAR,
    first_published_at TIMESTAMP,
    last_published_at  TIMESTAMP,
    linker_version     VARCHAR NOT NULL,
    run_id             VARCHAR NOT NULL
);
