-- Incidents reported by more than one article: the linked reports as one row, with their outlets,
-- the first to carry it and the old grouping's key beside (same type, place and day; NULL when a
-- report lacks one of them). Grain: incident_id.
SELECT
    i.incident_id::VARCHAR                                  AS incident_id,
    i.event_class::VARCHAR                                  AS event_class,
    coalesce(i.place_name, i.country_iso3)::VARCHAR         AS place,
    i.incident_date::DATE                                   AS incident_date,
    i.n_reports::INTEGER                                    AS n_articles,
    list(DISTINCT r.outlet ORDER BY r.outlet)::VARCHAR[]    AS outlets,
    i.first_outlet::VARCHAR                                 AS first_outlet,
    i.fatalities::INTEGER                                   AS fatalities,
    count(DISTINCT (e.event_type, e.place_text, e.event_date))::INTEGER AS n_type_place_day_groups
FROM incident_overview AS i
JOIN incident_reports AS r USING (incident_id)
JOIN event_overview AS e USING (event_id)
WHERE i.n_reports > 1
GROUP BY ALL
ORDER BY n_articles DESC, incident_date DESC NULLS LAST, incident_id;
