-- Insert the staged entity mentions (grain: article_id, start, end, label).
INSERT INTO entity_mentions BY NAME SELECT * FROM staged_entity_mentions;
