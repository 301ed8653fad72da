-- Insert the staged article sources (grain: article_id, source_id).
INSERT INTO article_sources BY NAME SELECT * FROM staged_article_sources;
