-- 007_runs_reextracted_count: articles already loaded whose out-of-date extractors a run re-ran.
ALTER TABLE runs ADD COLUMN n_articles_reextracted INTEGER;
