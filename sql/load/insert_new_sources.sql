-- Add the sources this batch met for the first time (grain: source_id).
INSERT OR IGNORE INTO sources BY NAME SELECT * FROM staged_sources;
