-- Asserted events already linked that could link to the new ones: the same country and
-- overlapping date windows (staged_link_windows). A window is the event's day +/- $1 days, or
-- without a day the $2 days before its article's publication day up to that day, as in
-- link.incidents.date_window.
WITH keyed AS (
    SELECT e.event_id, e.article_id, e.event_class, e.event_type, e.country_iso3, e.geonameid, e.latitude,
           e.longitude, e.geo_precision, e.event_date, a.published_at::DATE AS published_on, e.fatalities,
           coalesce(e.event_date - $1::INTEGER, a.published_at::DATE - $2::INTEGER) AS window_start,
           coalesce(e.event_date + $1::INTEGER, a.published_at::DATE) AS window_end
    FROM events AS e
    JOIN articles AS a USING (article_id)
    WHERE e.modality = 'asserted' AND e.country_iso3 IN (SELECT country_iso3 FROM staged_link_windows)
      AND e.event_id NOT IN (SELECT item_id FROM staged_link_items)
      AND e.event_id NOT IN (SELECT item_id FROM staged_link_later)  -- the run's events of later chunks: not grouped yet
),
candidates AS (
    SELECT k.* EXCLUDE (window_start, window_end)
    FROM keyed AS k
    WHERE EXISTS (SELECT 1 FROM staged_link_windows AS w
                  WHERE k.country_iso3 = w.country_iso3
                    AND k.window_start <= w.window_end AND w.window_start <= k.window_end)
),
sides AS (
    SELECT event_id, list(DISTINCT canonical ORDER BY canonical) AS actors
    FROM event_actors WHERE event_id IN (SELECT event_id FROM candidates) GROUP BY event_id
)
SELECT c.*, coalesce(sides.actors, []) AS actors
FROM candidates AS c
LEFT JOIN sides USING (event_id);
