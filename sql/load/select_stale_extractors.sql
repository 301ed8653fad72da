-- For each candidate article already in the warehouse, the extractors whose rows were not
-- produced by the current version (an empty list: the article is up to date); articles the
-- warehouse does not hold give no row (grain: article_id).
-- Staged: staged_candidates(article_id), staged_versions(extractor, extractor_version).
SELECT
    candidate.article_id,
    coalesce(
        list(version.extractor ORDER BY version.extractor)
            FILTER (WHERE extraction.extractor_version IS DISTINCT FROM version.extractor_version),
        []
    ) AS stale_extractors
FROM staged_candidates AS candidate
JOIN articles USING (article_id)
CROSS JOIN staged_versions AS version
LEFT JOIN article_extractions AS extraction
  ON extraction.article_id = candidate.article_id
 AND extraction.extractor = version.extractor
GROUP BY candidate.article_id;
