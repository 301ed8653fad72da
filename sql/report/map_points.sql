-- One map point per incident with coordinates (an exact place): where, what, how deadly.
SELECT incident_id, round(longitude, 3) AS lon, round(latitude, 3) AS lat, coalesce(fatalities, 0) AS fatalities,
       coalesce(acled_event_type, event_class) AS kind
FROM incident_overview
WHERE latitude IS NOT NULL AND longitude IS NOT NULL
ORDER BY fatalities DESC NULLS LAST, incident_id;
