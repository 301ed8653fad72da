-- event_overview: one row per event (key: event_id) with its main actor, target, how many
-- sentences speak of it, and the reporting article, for analysis without joins.
CREATE OR REPLACE VIEW event_overview AS
WITH first_actor AS (
    SELECT event_id, arg_min(canonical, ord) AS actor, arg_min(sector, ord) AS actor_sector
    FROM event_actors WHERE role = 'actor' GROUP BY event_id
),
first_target AS (
    SELECT event_id, arg_min(canonical, ord) AS target FROM event_actors WHERE role = 'target' GROUP BY event_id
),
mention_counts AS (
    SELECT event_id, count(*) AS n_mentions FROM event_mentions GROUP BY event_id
)
SELECT
    e.event_id::VARCHAR                       AS event_id,
    e.article_id::VARCHAR                     AS article_id,
    a.title::VARCHAR                          AS title,
    coalesce(a.publisher, a.agency)::VARCHAR  AS outlet,
    a.published_at::TIMESTAMP                 AS published_at,
    e.event_class::VARCHAR                    AS event_class,
    e.event_type::VARCHAR                     AS event_type,
    e.event_mode::VARCHAR                     AS event_mode,
    e.acled_event_type::VARCHAR               AS acled_event_type,
    e.acled_sub_event_type::VARCHAR           AS acled_sub_event_type,
    e.event_date::DATE                        AS event_date,
    e.date_precision::VARCHAR                 AS date_precision,
    e.place_text::VARCHAR                     AS place_text,
    e.address::VARCHAR                        AS address,
    e.country_iso3::VARCHAR                   AS country_iso3,
    e.latitude::DOUBLE                        AS latitude,
    e.longitude::DOUBLE                       AS longitude,
    e.geo_precision::VARCHAR                  AS geo_precision,
    act.actor::VARCHAR                        AS actor,
    act.actor_sector::VARCHAR                 AS actor_sector,
    tgt.target::VARCHAR                       AS target,
    e.fatalities::INTEGER                     AS fatalities,
    e.injured::INTEGER                        AS injured,
    e.responsibility_status::VARCHAR          AS responsibility_status,
    e.claimed_by::VARCHAR                     AS claimed_by,
    e.modality::VARCHAR                       AS modality,
    coalesce(m.n_mentions, 0)::INTEGER        AS n_mentions,
    substr(a.raw_text, e.sentence_start + 1, e.sentence_end - e.sentence_start)::VARCHAR AS sentence
FROM events AS e
JOIN articles AS a USING (article_id)
LEFT JOIN first_actor AS act USING (event_id)
LEFT JOIN first_target AS tgt USING (event_id)
LEFT JOIN mention_counts AS m USING (event_id);
