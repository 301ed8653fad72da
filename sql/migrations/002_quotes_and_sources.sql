-- 002_quotes_and_sources: who said what. Offsets index articles.raw_text (see 001).

-- One row per real person, organisation, government, group or anonymous kind of source,
-- across all articles (grain: source_id). source_key is kind + normalised name; two sources
-- share a key only when their affiliations conflict.
CREATE TABLE sources (
    source_id           VARCHAR PRIMARY KEY,
    source_key          VARCHAR NOT NULL,          -- "person:jm berger"
    name                VARCHAR NOT NULL,          -- canonical: "JM Berger"
    kind                VARCHAR NOT NULL,          -- person | organization | government | group | anonymous
    affiliation         VARCHAR,                   -- first affiliation seen ("University of Edinburgh")
    extractor_version   VARCHAR NOT NULL,
    run_id              VARCHAR NOT NULL           -- run that first saw it
);

-- One row per source per article (grain: article_id, source_id), with what the article says of it.
CREATE TABLE article_sources (
    article_id          VARCHAR NOT NULL,
    source_id           VARCHAR NOT NULL,
    mention_text        VARCHAR,                   -- first mention as written ("JM Berger"); NULL if only pronouns
    description         VARCHAR,                   -- "expert in contemporary Islam"
    affiliation         VARCHAR,                   -- "University of Edinburgh"
    n_quotes            INTEGER NOT NULL,
    extractor_version   VARCHAR NOT NULL,
    run_id              VARCHAR NOT NULL,
    PRIMARY KEY (article_id, source_id)
);

-- One row per attributed statement (grain: quote_id).
CREATE TABLE quotes (
    quote_id            VARCHAR PRIMARY KEY,       -- hash of article_id and the content and cue spans
    article_id          VARCHAR NOT NULL,
    source_id           VARCHAR,                   -- NULL when the speaker could not be resolved
    speaker_text        VARCHAR,                   -- the mention as written: "he"
    speaker_start       INTEGER,
    speaker_end         INTEGER,
    cue                 VARCHAR,                   -- "said", "according to"; NULL for a continued quotation
    cue_start           INTEGER,
    cue_end             INTEGER,
    content             VARCHAR NOT NULL,
    content_start       INTEGER NOT NULL,
    content_end         INTEGER NOT NULL,
    kind                VARCHAR NOT NULL,          -- direct | indirect | mixed
    confidence          DOUBLE NOT NULL,
    extractor_version   VARCHAR NOT NULL,
    run_id              VARCHAR NOT NULL
);
