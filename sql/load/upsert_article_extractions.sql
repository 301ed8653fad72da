-- Record which extractor versions produced the staged articles' rows (grain: article_id, extractor).
INSERT OR REPLACE INTO article_extractions BY NAME SELECT * FROM staged_extractions;
