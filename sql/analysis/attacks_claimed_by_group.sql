-- Every incident a group claimed in any report of it, newest first, with how many reports told it
-- and the first report's sentence. Grain: incident_id. Parameter $1: the group's canonical name
-- ("Islamic State").
WITH claimed AS (
    SELECT DISTINCT r.incident_id
    FROM event_overview AS e
    JOIN incident_reports AS r USING (event_id)
    WHERE e.responsibility_status = 'claimed' AND lower(e.claimed_by) = lower($1::VARCHAR)
)
SELECT
    i.incident_id::VARCHAR                              AS incident_id,
    i.incident_date::DATE                               AS event_date,
    coalesce(i.place_name, i.country_iso3)::VARCHAR     AS place,
    i.country_iso3::VARCHAR                             AS country_iso3,
    i.fatalities::INTEGER                               AS fatalities,
    i.n_reports::INTEGER                                AS n_reports,
    i.first_outlet::VARCHAR                             AS outlet,
    first(r.sentence ORDER BY r.report_rank)::VARCHAR   AS sentence
FROM incident_overview AS i
JOIN claimed USING (incident_id)
JOIN incident_reports AS r USING (incident_id)
GROUP BY ALL
ORDER BY event_date DESC NULLS LAST, incident_id;
