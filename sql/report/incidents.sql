-- The incidents the report can open (at most $1): the most reported and deadliest first, and
-- every incident when there are fewer. The map and timeline point into these by incident_id.
SELECT incident_id, coalesce(acled_event_type, event_class) AS kind, event_class, timeline_date AS day,
       incident_date IS NOT NULL AS dated, coalesce(place_name, country_iso3) AS place, country_iso3,
       fatalities, injured, n_reports, n_publishers, first_title, first_outlet, first_reported_at
FROM incident_overview
ORDER BY n_reports DESC, fatalities DESC NULLS LAST, first_reported_at DESC NULLS LAST, incident_id
LIMIT $1;
