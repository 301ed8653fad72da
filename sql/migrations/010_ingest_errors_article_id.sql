-- 010_ingest_errors_article_id: an article that was read but failed later (its layout, its
-- parse or an extractor raised) is quarantined with its article_id, so a user can find its
-- text hash and what failed; inputs that never became an article keep NULL.
ALTER TABLE ingest_errors ADD COLUMN article_id VARCHAR;
