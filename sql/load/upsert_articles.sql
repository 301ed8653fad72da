-- Upsert the staged articles (grain: article_id) without an index: an article already loaded
-- keeps its first source_uri, run and load time and takes the new parsed layout (a new layout
-- version re-parses old articles in place); a new one is inserted.
UPDATE articles SET
    external_id = staged.external_id,
    url = staged.url,
    title = staged.title,
    byline = staged.byline,
    dateline = staged.dateline,
    dateline_date_text = staged.dateline_date_text,
    agency = staged.agency,
    publisher = staged.publisher,
    published_at = staged.published_at,
    published_at_source = staged.published_at_source,
    language = staged.language,
    body_start = staged.body_start,
    body_end = staged.body_end,
    word_count = staged.word_count,
    layout_version = staged.layout_version,
    input_format = staged.input_format
FROM staged_articles AS staged
WHERE articles.article_id = staged.article_id;
INSERT INTO articles BY NAME
SELECT * FROM staged_articles
WHERE article_id NOT IN (SELECT article_id FROM articles);
