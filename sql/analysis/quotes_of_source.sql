-- Every quote of one source across articles, in date order.
-- Grain: quote_id. Parameter $1: the source's name, matched case-insensitively ("JM Berger").
SELECT
    published_at::TIMESTAMP  AS published_at,
    outlet::VARCHAR          AS outlet,
    title::VARCHAR           AS title,
    kind::VARCHAR            AS kind,
    speaker_text::VARCHAR    AS speaker_text,
    content::VARCHAR         AS content
FROM quote_overview
WHERE lower(source_name) = lower($1::VARCHAR)
ORDER BY published_at NULLS LAST, article_id, content_start;
