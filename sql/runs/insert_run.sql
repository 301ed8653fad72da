-- Open a run. Parameters: run_id, flow_run_id, started_at, inputs, model_name, model_version, extractor_versions.
INSERT INTO runs (run_id, flow_run_id, started_at, status, inputs, model_name, model_version, extractor_versions)
VALUES ($1, $2, $3, 'running', $4, $5, $6, $7);
