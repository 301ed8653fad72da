-- 016_quote_link_keys: what the statement linker needs of each quote it has read, kept so that a
-- run compares its new quotes only with the stored quotes that share a four-word shingle with
-- them, instead of reading and shingling every quote of their speakers again. Filled by linking;
-- quotes grouped before this table existed get their keys the first time a new quote of their
-- speaker is linked.
CREATE TABLE quote_link_keys (
    quote_id       VARCHAR NOT NULL,
    shingles       BIGINT[] NOT NULL,
    linker_version VARCHAR NOT NULL
);
