-- The quotes the search box searches (at most $1, newest first): who, what, where and when.
SELECT coalesce(source_name, speaker_text) AS speaker, content, title, outlet, published_at
FROM quote_overview
ORDER BY published_at DESC NULLS LAST, quote_id
LIMIT $1;
