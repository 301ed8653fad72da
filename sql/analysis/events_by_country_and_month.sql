-- Events and fatalities by country and month (asserted events only).
-- Grain: country_iso3 x month. Events without a day fall under month NULL.
SELECT
    coalesce(country_iso3, '(unknown)')::VARCHAR AS country_iso3,
    CAST(date_trunc('month', event_date) AS DATE) AS month,
    count(*)::INTEGER                             AS n_events,
    coalesce(sum(fatalities), 0)::INTEGER         AS fatalities
FROM event_overview
WHERE modality = 'asserted'
GROUP BY ALL
ORDER BY country_iso3, month NULLS LAST;
