-- Incidents and their deaths by the main actor of any of their reports (canonical name: ISIS, IS
-- and Daesh are one), with the per-report counts beside them. Grain: actor.
WITH actor_incidents AS (
    SELECT DISTINCT e.actor, e.actor_sector, r.incident_id
    FROM event_overview AS e
    JOIN incident_reports AS r USING (event_id)
    WHERE e.actor IS NOT NULL AND e.modality = 'asserted'
),
by_incident AS (
    SELECT a.actor, any_value(a.actor_sector) AS sector, count(*) AS n_incidents,
           coalesce(sum(i.fatalities), 0) AS fatalities
    FROM actor_incidents AS a
    JOIN incident_overview AS i USING (incident_id)
    GROUP BY a.actor
),
by_report AS (
    SELECT actor, count(*) AS n_events, coalesce(sum(fatalities), 0) AS fatalities_summed_over_reports
    FROM event_overview
    WHERE actor IS NOT NULL AND modality = 'asserted'
    GROUP BY actor
)
SELECT
    i.actor::VARCHAR                                    AS actor,
    i.sector::VARCHAR                                   AS sector,
    i.n_incidents::INTEGER                              AS n_incidents,
    i.fatalities::INTEGER                               AS fatalities,
    r.n_events::INTEGER                                 AS n_events,
    r.fatalities_summed_over_reports::INTEGER           AS fatalities_summed_over_reports
FROM by_incident AS i
JOIN by_report AS r USING (actor)
ORDER BY fatalities DESC, n_incidents DESC, actor;
