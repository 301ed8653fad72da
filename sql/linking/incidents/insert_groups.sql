-- One summary row per incident this run ($2) regrouped, from its events and their articles.
-- Type and class: what most of its reports say. Place: the exact place most reports give, else the
-- country most give; coordinates only for an exact place (a country's are its capital's). Day: the
-- day most reports give. Deaths, by ACLED's conservative rule: the highest count any report states
-- as a fact (exact, "at least", "more than"); only when every count is hedged ("about", "up to"),
-- the lowest of them. Injuries the same way.
INSERT INTO incidents BY NAME
WITH members AS (
    SELECT ie.incident_id, e.*, a.published_at, coalesce(a.publisher, a.agency) AS outlet,
           count(*) OVER (PARTITION BY ie.incident_id, e.event_class) AS class_votes,
           count(*) OVER (PARTITION BY ie.incident_id, e.geonameid) AS place_votes,
           count(*) OVER (PARTITION BY ie.incident_id, e.country_iso3) AS country_votes,
           count(*) OVER (PARTITION BY ie.incident_id, e.event_date) AS day_votes
    FROM incident_events AS ie
    JOIN events AS e USING (event_id)
    JOIN articles AS a USING (article_id)
    WHERE ie.incident_id IN (SELECT incident_id FROM incident_events WHERE run_id = $2::VARCHAR)
),
summary AS (
    SELECT
        incident_id,
        first(event_class ORDER BY class_votes DESC, event_class, event_id) AS event_class,
        first(event_type ORDER BY class_votes DESC, event_class, event_id) AS event_type,
        first(acled_event_type ORDER BY class_votes DESC, event_class, event_id) AS acled_event_type,
        first(acled_sub_event_type ORDER BY class_votes DESC, event_class, event_id) AS acled_sub_event_type,
        first(event_date ORDER BY day_votes DESC, event_date) FILTER (WHERE event_date IS NOT NULL) AS incident_date,
        first(country_iso3 ORDER BY country_votes DESC, country_iso3)
            FILTER (WHERE country_iso3 IS NOT NULL) AS country_iso3,
        first(geonameid ORDER BY place_votes DESC, geonameid)
            FILTER (WHERE geonameid IS NOT NULL AND geo_precision = 'exact') AS geonameid,
        coalesce(max(fatalities) FILTER (WHERE fatalities_qualifier IS NULL
                                            OR fatalities_qualifier IN ('at least', 'more than')),
                 min(fatalities)) AS fatalities,
        coalesce(max(injured) FILTER (WHERE injured_qualifier IS NULL
                                         OR injured_qualifier IN ('at least', 'more than')),
                 min(injured)) AS injured,
        count(*) AS n_events,
        count(DISTINCT article_id) AS n_reports,
        count(DISTINCT outlet) AS n_publishers,
        min(published_at) AS first_reported_at,
        max(published_at) AS last_reported_at,
        first(article_id ORDER BY published_at NULLS LAST, article_id) AS first_article_id
    FROM members
    GROUP BY incident_id
)
SELECT s.*, p.name AS place_name, p.latitude, p.longitude,
       CASE WHEN s.geonameid IS NOT NULL THEN 'exact' WHEN s.country_iso3 IS NOT NULL THEN 'country'
            ELSE 'unknown' END AS geo_precision,
       $1::VARCHAR AS linker_version, $2::VARCHAR AS run_id
FROM summary AS s
LEFT JOIN places AS p USING (geonameid);
