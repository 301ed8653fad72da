-- Fatalities in events by their main actor (canonical name: ISIS, IS and Daesh are one).
-- Grain: actor.
SELECT
    actor::VARCHAR                          AS actor,
    any_value(actor_sector)::VARCHAR        AS sector,
    count(*)::INTEGER                       AS n_events,
    coalesce(sum(fatalities), 0)::INTEGER   AS fatalities
FROM event_overview
WHERE actor IS NOT NULL AND modality = 'asserted'
GROUP BY actor
ORDER BY fatalities DESC, n_events DESC, actor;
