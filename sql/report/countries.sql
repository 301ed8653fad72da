-- Incidents and deaths per country (country-level incidents included), for the map's shading.
SELECT country_iso3, count(*)::INTEGER AS n_incidents, coalesce(sum(fatalities), 0)::BIGINT AS fatalities
FROM incident_overview
WHERE country_iso3 IS NOT NULL
GROUP BY country_iso3
ORDER BY n_incidents DESC, country_iso3;
