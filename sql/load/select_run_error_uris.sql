-- The inputs a run quarantined (its rows of ingest_errors), whatever the stage that failed.
SELECT DISTINCT source_uri FROM ingest_errors WHERE run_id = $run_id;
