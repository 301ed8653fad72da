-- The deadliest incidents with every report of them, first reporter first. Grain: incident x
-- report. Parameter $1: how many incidents.
WITH deadliest AS (
    SELECT incident_id, fatalities, n_reports, n_publishers, event_class, place_name, country_iso3, incident_date
    FROM incident_overview
    WHERE fatalities > 0
    ORDER BY fatalities DESC, n_reports DESC, incident_id
    LIMIT $1::INTEGER
)
SELECT
    d.incident_id::VARCHAR                          AS incident_id,
    d.event_class::VARCHAR                          AS event_class,
    coalesce(d.place_name, d.country_iso3)::VARCHAR AS place,
    d.incident_date::DATE                           AS incident_date,
    d.fatalities::INTEGER                           AS fatalities,
    d.n_reports::INTEGER                            AS n_reports,
    r.report_rank::INTEGER                          AS report_rank,
    r.outlet::VARCHAR                               AS outlet,
    r.published_at::TIMESTAMP                       AS published_at,
    r.title::VARCHAR                                AS title,
    r.fatalities::INTEGER                           AS report_fatalities,
    r.sentence::VARCHAR                             AS sentence
FROM deadliest AS d
JOIN incident_reports AS r USING (incident_id)
ORDER BY d.fatalities DESC, d.incident_id, r.report_rank;
