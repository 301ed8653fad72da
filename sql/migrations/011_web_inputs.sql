-- 011_web_inputs: web pages and WARC archives as inputs.
-- Where each input came from, so a user can go back to the original bytes: the WARC record's
-- id, the URL it was fetched from and when (NULL for text and JSONL inputs).
ALTER TABLE article_inputs ADD COLUMN warc_record_id VARCHAR;
ALTER TABLE article_inputs ADD COLUMN target_uri VARCHAR;
ALTER TABLE article_inputs ADD COLUMN fetched_at TIMESTAMP;
-- How the article's text was obtained: txt | jsonl | html (main text extracted from a page).
ALTER TABLE articles ADD COLUMN input_format VARCHAR;
-- Articles in a language the spaCy pipeline does not cover: loaded without the extractors.
ALTER TABLE runs ADD COLUMN n_articles_other_language INTEGER;
-- WARC records that are not an HTML response (request, metadata, revisit, images...).
ALTER TABLE runs ADD COLUMN n_records_skipped INTEGER;
