-- Events within a distance of a point, nearest first (great-circle distance in km).
-- Grain: event_id. Parameters: $1 latitude, $2 longitude, $3 radius in km.
WITH located AS (
    SELECT
        *,
        2 * 6371 * asin(sqrt(
            pow(sin(radians(latitude - $1::DOUBLE) / 2), 2)
            + cos(radians($1::DOUBLE)) * cos(radians(latitude)) * pow(sin(radians(longitude - $2::DOUBLE) / 2), 2)
        )) AS distance_km
    FROM event_overview
    WHERE latitude IS NOT NULL
)
SELECT
    round(distance_km, 1)::DOUBLE  AS distance_km,
    event_type::VARCHAR            AS event_type,
    event_date::DATE               AS event_date,
    place_text::VARCHAR            AS place,
    fatalities::INTEGER            AS fatalities,
    sentence::VARCHAR              AS sentence
FROM located
WHERE distance_km <= $3::DOUBLE
ORDER BY distance_km, event_date;
