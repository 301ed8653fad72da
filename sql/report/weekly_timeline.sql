-- Incidents per week (Monday) by kind: the incident's day, else the day it was first reported.
-- Days more than a year before the first article or after the last one are misread dates
-- ("in 230"), left out so that they do not stretch the axis over centuries.
WITH span AS (
    SELECT min(published_at)::DATE - 366 AS first_day, max(published_at)::DATE + 1 AS last_day
    FROM article_overview
)
SELECT date_trunc('week', timeline_date)::DATE AS week, coalesce(acled_event_type, event_class) AS kind,
       count(*)::INTEGER AS n_incidents, coalesce(sum(fatalities), 0)::BIGINT AS fatalities
FROM incident_overview, span
WHERE timeline_date BETWEEN span.first_day AND span.last_day
GROUP BY ALL
ORDER BY week, kind;
