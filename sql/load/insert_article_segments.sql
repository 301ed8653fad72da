-- Insert the staged layout segments (grain: article_id, kind, start).
INSERT INTO article_segments BY NAME SELECT * FROM staged_segments;
