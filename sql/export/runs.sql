-- Export of runs, in a stable order (run_id).
SELECT * FROM runs ORDER BY run_id;
