-- Export of ingest_errors, in a stable order (run_id, source_uri).
SELECT * FROM ingest_errors ORDER BY run_id, source_uri;
