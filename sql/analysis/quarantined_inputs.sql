-- Inputs that could not be ingested, newest run first, with the reason.
-- Grain: one ingest error.
SELECT
    r.started_at::TIMESTAMP  AS run_started_at,
    e.error_kind::VARCHAR    AS error_kind,
    e.source_uri::VARCHAR    AS source_uri,
    e.message::VARCHAR       AS message
FROM ingest_errors AS e
JOIN runs AS r USING (run_id)
ORDER BY r.started_at DESC, e.source_uri;
