-- The quotes already grouped of the new quotes' speakers (staged_speakers), each with its rank
-- among its speaker's quotes in its article. Not the quotes being linked (staged_link_items) nor
-- the run's quotes of later chunks (staged_link_later): every other quote with a source has its
-- statement. Paraphrases ($1) of anything but a person ($2) take no part in statements
-- (link.statements.may_repeat) and are left here. quote_speakers and spoken_words: see
-- create_quote_speakers.sql.
WITH ranked AS (
    SELECT *, row_number() OVER (PARTITION BY article_id, speaker ORDER BY content_start, quote_id) AS rank_in_article
    FROM quote_speakers
    WHERE speaker IN (SELECT speaker FROM staged_speakers)
)
SELECT quote_id, article_id, source_id, name, kind, quote_kind, content,
       spoken_words(content, content_start, piece_starts, piece_ends) AS spoken, rank_in_article
FROM ranked
WHERE quote_id NOT IN (SELECT item_id FROM staged_link_items)
  AND quote_id NOT IN (SELECT item_id FROM staged_link_later)
  AND (quote_kind <> $1::VARCHAR OR kind = $2::VARCHAR);
