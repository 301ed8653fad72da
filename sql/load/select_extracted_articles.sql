-- Which candidate articles are already loaded with every current extractor version
-- (grain: article_id). Staged: staged_candidates(article_id), staged_versions(extractor, extractor_version).
SELECT candidate.article_id
FROM staged_candidates AS candidate
JOIN article_extractions AS extraction USING (article_id)
JOIN staged_versions AS version
  ON version.extractor = extraction.extractor
 AND version.extractor_version = extraction.extractor_version
GROUP BY candidate.article_id
HAVING count(*) = (SELECT count(*) FROM staged_versions);
