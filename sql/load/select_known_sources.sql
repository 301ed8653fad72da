-- Known sources sharing a key with the staged ones, oldest id first within a key.
-- Staged: staged_source_keys(source_key).
SELECT source_id, source_key, affiliation
FROM sources
WHERE source_key IN (SELECT source_key FROM staged_source_keys)
ORDER BY source_key, rowid;
