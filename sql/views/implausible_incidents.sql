-- implausible_incidents: incidents whose death toll an analyst should not add up without
-- reading (key: incident_id), with the reason. A toll that is a round thousand, one that no
-- other report of the incident comes within a tenth of, or one of 10,000 or more for anything
-- but a disaster is likelier a war's or a year's total than one incident's. The report's
-- headline leaves them out.
CREATE OR REPLACE VIEW implausible_incidents AS
WITH ranked AS (
    SELECT ie.incident_id, e.fatalities,
           row_number() OVER (PARTITION BY ie.incident_id ORDER BY e.fatalities DESC, e.event_id) AS rank
    FROM incident_events AS ie
    JOIN events AS e ON e.event_id = ie.event_id
    WHERE e.fatalities IS NOT NULL
), report_tolls AS (
    SELECT incident_id, count(*) AS n_counted, max(fatalities) FILTER (WHERE rank = 2) AS next_largest
    FROM ranked
    GROUP BY incident_id
), judged AS (
    SELECT
        i.incident_id, i.event_class, i.fatalities, r.n_counted, r.next_largest,
        CASE
            WHEN i.fatalities >= 10000 AND i.event_class NOT IN ('Natural disaster', 'Man-made disaster')
                THEN 'a toll of 10,000 or more for one incident of violence'
            WHEN i.fatalities >= 1000 AND i.fatalities % 1000 = 0
                THEN 'a round thousand: likelier a total than a count'
            WHEN r.next_largest IS NOT NULL AND i.fatalities >= 100 AND i.fatalities > 10 * r.next_largest
                THEN 'no other report of the incident comes within a tenth of it'
        END AS reason
    FROM incidents AS i
    JOIN report_tolls AS r ON r.incident_id = i.incident_id
)
SELECT
    incident_id::VARCHAR    AS incident_id,
    event_class::VARCHAR    AS event_class,
    fatalities::INTEGER     AS fatalities,
    n_counted::INTEGER      AS n_reports_with_a_toll,
    next_largest::INTEGER   AS next_largest_toll,
    reason::VARCHAR         AS reason
FROM judged
WHERE reason IS NOT NULL;
