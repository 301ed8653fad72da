-- Upsert the staged articles (grain: article_id). The first source_uri and run stay;
-- the parsed layout is replaced, so a new layout version re-parses old articles in place.
INSERT INTO articles BY NAME
SELECT * FROM staged_articles
ON CONFLICT (article_id) DO UPDATE SET
    external_id = excluded.external_id,
    url = excluded.url,
    title = excluded.title,
    byline = excluded.byline,
    dateline = excluded.dateline,
    dateline_date_text = excluded.dateline_date_text,
    agency = excluded.agency,
    publisher = excluded.publisher,
    published_at = excluded.published_at,
    published_at_source = excluded.published_at_source,
    language = excluded.language,
    body_start = excluded.body_start,
    body_end = excluded.body_end,
    word_count = excluded.word_count,
    layout_version = excluded.layout_version;
