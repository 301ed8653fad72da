-- Incidents per week (Monday) by kind: the incident's day, else the day it was first reported.
SELECT date_trunc('week', timeline_date)::DATE AS week, coalesce(acled_event_type, event_class) AS kind,
       count(*)::INTEGER AS n_incidents, coalesce(sum(fatalities), 0)::BIGINT AS fatalities
FROM incident_overview
WHERE timeline_date IS NOT NULL
GROUP BY ALL
ORDER BY week, kind;
