-- Each article's external id and raw text, for reading gold spans keyed by document and offsets.
SELECT external_id AS doc, raw_text
FROM articles
WHERE external_id IS NOT NULL;
