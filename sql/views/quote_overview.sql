-- quote_overview: one row per quote (key: quote_id) with its source, the article's outlet
-- and date, ready for analysis without joins.
CREATE OR REPLACE VIEW quote_overview AS
SELECT
    q.quote_id::VARCHAR                              AS quote_id,
    q.article_id::VARCHAR                            AS article_id,
    a.title::VARCHAR                                 AS title,
    coalesce(a.publisher, a.agency)::VARCHAR         AS outlet,
    a.published_at::TIMESTAMP                        AS published_at,
    q.source_id::VARCHAR                             AS source_id,
    s.name::VARCHAR                                  AS source_name,
    s.kind::VARCHAR                                  AS source_kind,
    src.description::VARCHAR                         AS source_description,
    coalesce(src.affiliation, s.affiliation)::VARCHAR AS source_affiliation,
    q.speaker_text::VARCHAR                          AS speaker_text,
    q.cue::VARCHAR                                   AS cue,
    q.kind::VARCHAR                                  AS kind,
    q.content::VARCHAR                               AS content,
    q.content_start::INTEGER                         AS content_start,
    q.content_end::INTEGER                           AS content_end,
    q.confidence::DOUBLE                             AS confidence
FROM quotes AS q
JOIN articles AS a USING (article_id)
LEFT JOIN sources AS s USING (source_id)
LEFT JOIN article_sources AS src ON src.article_id = q.article_id AND src.source_id = q.source_id;
