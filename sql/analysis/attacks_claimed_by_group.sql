-- Every attack a group claimed, newest first. Grain: event_id. Parameter $1: the group's
-- canonical name ("Islamic State").
SELECT
    event_date::DATE          AS event_date,
    place_text::VARCHAR       AS place,
    country_iso3::VARCHAR     AS country_iso3,
    fatalities::INTEGER       AS fatalities,
    outlet::VARCHAR           AS outlet,
    sentence::VARCHAR         AS sentence
FROM event_overview
WHERE responsibility_status = 'claimed' AND lower(claimed_by) = lower($1::VARCHAR)
ORDER BY event_date DESC NULLS LAST;
