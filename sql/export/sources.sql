-- Export of sources, in a stable order (source_id).
SELECT * FROM sources ORDER BY source_id;
