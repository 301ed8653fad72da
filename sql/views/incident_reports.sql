-- incident_reports: the reports behind each incident (key: event_id): the article, its outlet and
-- day, the sentence that tells the event, and why it was linked.
CREATE OR REPLACE VIEW incident_reports AS
SELECT
    ie.incident_id::VARCHAR                   AS incident_id,
    ie.event_id::VARCHAR                      AS event_id,
    e.article_id::VARCHAR                     AS article_id,
    a.title::VARCHAR                          AS title,
    coalesce(a.publisher, a.agency)::VARCHAR  AS outlet,
    a.published_at::TIMESTAMP                 AS published_at,
    e.event_class::VARCHAR                    AS event_class,
    e.event_date::DATE                        AS event_date,
    e.place_text::VARCHAR                     AS place_text,
    e.fatalities::INTEGER                     AS fatalities,
    ie.link_score::DOUBLE                     AS link_score,
    ie.link_reason::VARCHAR                   AS link_reason,
    ie.linked_to::VARCHAR                     AS linked_to,
    row_number() OVER (PARTITION BY ie.incident_id ORDER BY a.published_at NULLS LAST, ie.event_id)::INTEGER
                                              AS report_rank,
    substr(a.raw_text, e.sentence_start + 1, e.sentence_end - e.sentence_start)::VARCHAR AS sentence
FROM incident_events AS ie
JOIN events AS e USING (event_id)
JOIN articles AS a USING (article_id);
