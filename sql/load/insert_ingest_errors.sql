-- Quarantine: one row per input that could not be ingested in this run.
INSERT INTO ingest_errors BY NAME SELECT * FROM staged_errors;
