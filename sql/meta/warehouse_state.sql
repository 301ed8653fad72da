-- What the exports were written from: when it differs, the Parquet exports are stale.
SELECT
    (SELECT count(*) FROM articles)                        AS n_articles,
    (SELECT CAST(max(loaded_at) AS VARCHAR) FROM articles) AS last_loaded_at,
    (SELECT count(*) FROM ingest_errors)                   AS n_ingest_errors;
