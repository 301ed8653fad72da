-- Record every (article, input path) pair once (grain: article_id, source_uri): the first run
-- that saw it keeps it.
INSERT INTO article_inputs BY NAME
SELECT DISTINCT staged.article_id, staged.source_uri, staged.run_id
FROM staged_inputs AS staged
ANTI JOIN article_inputs AS known
  ON known.article_id = staged.article_id AND known.source_uri = staged.source_uri;
