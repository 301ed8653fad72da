-- Record which extractor versions produced the staged articles' rows (grain: article_id,
-- extractor): the rows of the extractors that ran are replaced, the others stay.
DELETE FROM article_extractions
USING staged_extractions AS staged
WHERE article_extractions.article_id = staged.article_id
  AND article_extractions.extractor = staged.extractor;
INSERT INTO article_extractions BY NAME SELECT * FROM staged_extractions;
