-- The latest run and its status: what the Parquet exports' manifest says they reflect.
SELECT run_id, status, finished_at FROM runs ORDER BY started_at DESC, run_id DESC LIMIT 1;
