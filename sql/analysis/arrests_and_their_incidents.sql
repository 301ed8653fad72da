-- Every arrest with the incident of the same article it is for (events.about_event_id): who was
-- arrested after what. Grain: arrest event. An arrest that refers to no event of its article
-- has NULL incident columns.
SELECT
    a.event_id::VARCHAR                             AS arrest_event_id,
    art.title::VARCHAR                              AS title,
    a.event_date::DATE                              AS arrest_date,
    coalesce(a.place_text, a.country_iso3)::VARCHAR AS arrest_place,
    i.event_class::VARCHAR                          AS incident_class,
    i.event_date::DATE                              AS incident_date,
    i.fatalities::INTEGER                           AS incident_killed,
    i.injured::INTEGER                              AS incident_injured,
    substr(art.raw_text, a.sentence_start + 1, a.sentence_end - a.sentence_start)::VARCHAR AS arrest_sentence
FROM events a
JOIN articles art USING (article_id)
LEFT JOIN events i ON i.event_id = a.about_event_id
WHERE a.event_class = 'Arrests'
ORDER BY art.published_at DESC, a.event_id;
