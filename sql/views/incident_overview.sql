-- incident_overview: one row per incident (key: incident_id), what many reports tell once, with
-- its first report's title and outlet; a day for the timeline (the incident's own, else the
-- day it was first reported).
CREATE OR REPLACE VIEW incident_overview AS
SELECT
    i.incident_id::VARCHAR                               AS incident_id,
    i.event_class::VARCHAR                               AS event_class,
    i.event_type::VARCHAR                                AS event_type,
    i.acled_event_type::VARCHAR                          AS acled_event_type,
    i.acled_sub_event_type::VARCHAR                      AS acled_sub_event_type,
    i.incident_date::DATE                                AS incident_date,
    coalesce(i.incident_date, i.first_reported_at::DATE)::DATE AS timeline_date,
    i.country_iso3::VARCHAR                              AS country_iso3,
    i.place_name::VARCHAR                                AS place_name,
    i.latitude::DOUBLE                                   AS latitude,
    i.longitude::DOUBLE                                  AS longitude,
    i.geo_precision::VARCHAR                             AS geo_precision,
    i.fatalities::INTEGER                                AS fatalities,
    i.injured::INTEGER                                   AS injured,
    i.n_reports::INTEGER                                 AS n_reports,
    i.n_publishers::INTEGER                              AS n_publishers,
    i.first_reported_at::TIMESTAMP                       AS first_reported_at,
    i.last_reported_at::TIMESTAMP                        AS last_reported_at,
    i.first_article_id::VARCHAR                          AS first_article_id,
    a.title::VARCHAR                                     AS first_title,
    coalesce(a.publisher, a.agency)::VARCHAR             AS first_outlet
FROM incidents AS i
LEFT JOIN articles AS a ON a.article_id = i.first_article_id;
