-- Insert the staged quotes (grain: quote_id).
INSERT INTO quotes BY NAME SELECT * FROM staged_quotes;
