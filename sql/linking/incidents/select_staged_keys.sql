-- What the linker compares of the asserted events to link (staged_link_items): the event, its article's publication
-- day and the canonical names of every side it names.
WITH staged AS (
    SELECT e.* FROM events AS e
    WHERE e.event_id IN (SELECT item_id FROM staged_link_items) AND e.modality = 'asserted'
),
sides AS (
    SELECT event_id, list(DISTINCT canonical ORDER BY canonical) AS actors
    FROM event_actors WHERE event_id IN (SELECT event_id FROM staged) GROUP BY event_id
)
SELECT s.event_id, s.article_id, s.event_class, s.event_type, s.country_iso3, s.geonameid, s.latitude,
       s.longitude, s.geo_precision, s.event_date, a.published_at::DATE AS published_on, s.fatalities,
       coalesce(sides.actors, []) AS actors
FROM staged AS s
JOIN articles AS a USING (article_id)
LEFT JOIN sides USING (event_id);
