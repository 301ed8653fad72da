-- Which outlets report incidents first: of the incidents two outlets or more reported, how many
-- each carried, and how many it carried first.
WITH shared AS (
    SELECT incident_id FROM incident_overview WHERE n_publishers > 1
)
SELECT outlet, count(DISTINCT incident_id)::INTEGER AS n_incidents,
       count(DISTINCT incident_id) FILTER (WHERE report_rank = 1)::INTEGER AS n_first
FROM incident_reports
WHERE incident_id IN (SELECT incident_id FROM shared) AND outlet IS NOT NULL
GROUP BY outlet
ORDER BY n_first DESC, n_incidents DESC, outlet
LIMIT $1;
