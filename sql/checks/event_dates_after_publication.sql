-- Events dated after their article's publication day: an incident reported has happened. Empty = pass.
SELECT e.event_id
FROM events AS e
JOIN articles AS a ON a.article_id = e.article_id
WHERE e.event_date IS NOT NULL AND a.published_at IS NOT NULL AND e.event_date > CAST(a.published_at AS DATE);
