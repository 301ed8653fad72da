-- A known source without an affiliation takes the first one a later article gives.
UPDATE sources SET affiliation = staged.affiliation
FROM staged_sources AS staged
WHERE sources.source_id = staged.source_id AND sources.affiliation IS NULL AND staged.affiliation IS NOT NULL;
