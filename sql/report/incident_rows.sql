-- The reports behind the incidents the report can open (staged_report_incidents), at most $1 per
-- incident, first reporters first.
SELECT incident_id, title, outlet, published_at, sentence, link_reason, report_rank
FROM incident_reports
WHERE incident_id IN (SELECT incident_id FROM staged_report_incidents) AND report_rank <= $1
ORDER BY incident_id, report_rank;
