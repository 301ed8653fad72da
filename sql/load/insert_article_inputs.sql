-- Record every (article, input) pair once (grain: article_id, source_uri): the first run that
-- saw it keeps it, with the WARC record id, target URI and fetch time when it came from an
-- archive.
INSERT INTO article_inputs BY NAME
SELECT DISTINCT ON (staged.article_id, staged.source_uri) staged.*
FROM staged_inputs AS staged
ANTI JOIN article_inputs AS known
  ON known.article_id = staged.article_id AND known.source_uri = staged.source_uri;
