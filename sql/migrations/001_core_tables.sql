-- 001_core_tables: the walking pipeline's tables.
-- Offsets (*_start, *_end, start, end) are Python character offsets into articles.raw_text,
-- end exclusive: raw_text[start:end] in Python, substr(raw_text, start + 1, "end" - start) in SQL.
-- No foreign keys: DuckDB cannot upsert a parent that children reference; sql/checks/
-- holds the orphan checks instead.

-- One row per flow run: what went in, what came out, with which model and extractors.
CREATE TABLE runs (
    run_id              VARCHAR PRIMARY KEY,
    flow_run_id         VARCHAR,
    started_at          TIMESTAMP NOT NULL,
    finished_at         TIMESTAMP,
    status              VARCHAR NOT NULL,          -- running | completed | failed
    inputs              VARCHAR[] NOT NULL,        -- paths as given
    n_inputs            INTEGER,                   -- documents read, good and bad
    n_articles_new      INTEGER,                   -- articles extracted and loaded by this run
    n_articles_existing INTEGER,                   -- already loaded with the same extractor versions
    n_duplicates        INTEGER,                   -- same text met again within this run
    n_quarantined       INTEGER,                   -- ingest_errors rows of this run
    n_entity_mentions   INTEGER,
    model_name          VARCHAR NOT NULL,
    model_version       VARCHAR NOT NULL,
    extractor_versions  VARCHAR NOT NULL,          -- JSON object: extractor -> version
    error_message       VARCHAR
);

-- One row per distinct article text; article_id is a hash of raw_text.
CREATE TABLE articles (
    article_id          VARCHAR PRIMARY KEY,
    source_uri          VARCHAR NOT NULL,          -- first input it was read from (path, or path#id for JSONL)
    external_id         VARCHAR,                   -- the input's own id (JSONL `id`)
    url                 VARCHAR,
    raw_text            VARCHAR NOT NULL,          -- exactly as decoded
    title               VARCHAR,
    byline              VARCHAR,
    dateline            VARCHAR,                   -- where the story was filed
    dateline_date_text  VARCHAR,                   -- the date as the dateline writes it ("June 29")
    agency              VARCHAR,                   -- wire service, e.g. AFP
    publisher           VARCHAR,                   -- outlet, e.g. The Straits Times
    published_at        TIMESTAMP,                 -- UTC; null when nothing gives it
    published_at_source VARCHAR,                   -- metadata | run | dateline
    language            VARCHAR NOT NULL,
    body_start          INTEGER NOT NULL,
    body_end            INTEGER NOT NULL,
    word_count          INTEGER NOT NULL,
    layout_version      VARCHAR NOT NULL,
    run_id              VARCHAR NOT NULL,
    loaded_at           TIMESTAMP NOT NULL
);

-- Every input an article was read from: the same text from two paths is one article, two rows here.
CREATE TABLE article_inputs (
    article_id          VARCHAR NOT NULL,
    source_uri          VARCHAR NOT NULL,
    run_id              VARCHAR NOT NULL,          -- run that first saw this path
    PRIMARY KEY (article_id, source_uri)
);

-- The parsed layout by offset: title, byline, lead, dateline, dateline_date, agency, body, boilerplate.
CREATE TABLE article_segments (
    article_id          VARCHAR NOT NULL,
    kind                VARCHAR NOT NULL,
    start               INTEGER NOT NULL,
    "end"               INTEGER NOT NULL,
    value               VARCHAR,                   -- normalised value ("Beirut" for BEIRUT)
    extractor_version   VARCHAR NOT NULL,
    run_id              VARCHAR NOT NULL,
    PRIMARY KEY (article_id, kind, start)
);

-- spaCy NER spans over the body.
CREATE TABLE entity_mentions (
    article_id          VARCHAR NOT NULL,
    label               VARCHAR NOT NULL,
    text                VARCHAR NOT NULL,
    start               INTEGER NOT NULL,
    "end"               INTEGER NOT NULL,
    entity_id           VARCHAR NOT NULL,          -- hash of label + casefolded text
    extractor_version   VARCHAR NOT NULL,
    run_id              VARCHAR NOT NULL,
    PRIMARY KEY (article_id, start, "end", label)
);

-- Which extractor version last produced each article's rows: the key to incremental runs.
CREATE TABLE article_extractions (
    article_id          VARCHAR NOT NULL,
    extractor           VARCHAR NOT NULL,
    extractor_version   VARCHAR NOT NULL,
    run_id              VARCHAR NOT NULL,
    PRIMARY KEY (article_id, extractor)
);

-- Inputs that could not be ingested, per run, with the reason.
CREATE TABLE ingest_errors (
    run_id              VARCHAR NOT NULL,
    source_uri          VARCHAR NOT NULL,
    error_kind          VARCHAR NOT NULL,
    message             VARCHAR NOT NULL,
    "at"                TIMESTAMP NOT NULL
);
