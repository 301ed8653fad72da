-- The given files that a completed run read whole and that have not changed since (same kind,
-- size and modification time), with the inputs each held; none at all when some article in the
-- warehouse has an extractor not at its current version, since every file must then be read to
-- find its articles again (grain: path).
-- Staged: staged_files(path, kind, size_bytes, modified_ns), staged_versions(extractor, extractor_version).
SELECT known.path, known.n_inputs
FROM staged_files AS given
JOIN input_files AS known
  ON known.path = given.path
 AND known.kind = given.kind
 AND known.size_bytes = given.size_bytes
 AND known.modified_ns = given.modified_ns
WHERE NOT EXISTS (
    SELECT 1
    FROM articles
    CROSS JOIN staged_versions AS version
    LEFT JOIN article_extractions AS extraction
      ON extraction.article_id = articles.article_id
     AND extraction.extractor = version.extractor
    WHERE extraction.extractor_version IS DISTINCT FROM version.extractor_version
);
