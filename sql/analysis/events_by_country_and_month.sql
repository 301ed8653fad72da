-- Incidents and their deaths by country and month, with the per-report counts beside them (an
-- attack forty outlets report is one incident and forty reports; summing reports' tolls counts
-- its dead forty times). Grain: country_iso3 x month. Undated incidents fall under month NULL.
WITH by_incident AS (
    SELECT coalesce(country_iso3, '(unknown)') AS country_iso3, CAST(date_trunc('month', incident_date) AS DATE) AS month,
           count(*) AS n_incidents, coalesce(sum(fatalities), 0) AS fatalities
    FROM incident_overview
    GROUP BY ALL
),
by_report AS (
    SELECT coalesce(e.country_iso3, '(unknown)') AS country_iso3, CAST(date_trunc('month', i.incident_date) AS DATE) AS month,
           count(*) AS n_event_reports, coalesce(sum(e.fatalities), 0) AS fatalities_summed_over_reports
    FROM event_overview AS e
    JOIN incident_reports AS r USING (event_id)
    JOIN incident_overview AS i USING (incident_id)
    GROUP BY ALL
)
SELECT
    i.country_iso3::VARCHAR                            AS country_iso3,
    i.month::DATE                                      AS month,
    i.n_incidents::INTEGER                             AS n_incidents,
    i.fatalities::INTEGER                              AS fatalities,
    coalesce(r.n_event_reports, 0)::INTEGER            AS n_event_reports,
    coalesce(r.fatalities_summed_over_reports, 0)::INTEGER AS fatalities_summed_over_reports
FROM by_incident AS i
LEFT JOIN by_report AS r ON r.country_iso3 = i.country_iso3 AND r.month IS NOT DISTINCT FROM i.month
ORDER BY country_iso3, month NULLS LAST;
