-- Which outlets report incidents first: of the incidents two outlets or more reported, how many
-- each carried, how many it carried first, and its median delay behind the first report.
-- Grain: outlet.
WITH shared AS (
    SELECT incident_id, first_reported_at FROM incident_overview WHERE n_publishers > 1
),
carried AS (
    SELECT r.outlet, r.incident_id, min(r.report_rank) AS best_rank,
           min(r.published_at) - any_value(s.first_reported_at) AS behind
    FROM incident_reports AS r
    JOIN shared AS s USING (incident_id)
    WHERE r.outlet IS NOT NULL
    GROUP BY r.outlet, r.incident_id
)
SELECT
    outlet::VARCHAR                                         AS outlet,
    count(*)::INTEGER                                       AS n_incidents,
    count(*) FILTER (WHERE best_rank = 1)::INTEGER          AS n_first,
    median(epoch(behind) / 3600.0)::DOUBLE                  AS median_hours_behind_first
FROM carried
GROUP BY outlet
ORDER BY n_first DESC, n_incidents DESC, outlet;
