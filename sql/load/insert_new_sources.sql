-- Add the sources this batch met for the first time (grain: source_id; staged_sources has one
-- row per source_id).
INSERT INTO sources BY NAME
SELECT * FROM staged_sources
WHERE source_id NOT IN (SELECT source_id FROM sources);
