-- Events reported by more than one article: same type, place and day, so duplicates across
-- outlets can be seen. Grain: event_type x geonameid x event_date.
SELECT
    e.event_type::VARCHAR                          AS event_type,
    any_value(e.place_text)::VARCHAR               AS place,
    e.event_date::DATE                             AS event_date,
    count(DISTINCT e.article_id)::INTEGER          AS n_articles,
    list(DISTINCT o.outlet)::VARCHAR[]             AS outlets,
    max(e.fatalities)::INTEGER                     AS max_fatalities
FROM events AS e
JOIN event_overview AS o USING (event_id)
WHERE e.event_date IS NOT NULL AND e.geonameid IS NOT NULL
GROUP BY e.event_type, e.geonameid, e.event_date
HAVING count(DISTINCT e.article_id) > 1
ORDER BY n_articles DESC, event_date DESC;
