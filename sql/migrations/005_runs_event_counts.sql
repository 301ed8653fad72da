-- 005_runs_event_counts: the run summary counts events too.
ALTER TABLE runs ADD COLUMN n_events INTEGER;
