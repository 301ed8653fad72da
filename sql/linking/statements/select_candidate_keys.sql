-- The quotes already grouped of the new quotes' speakers (staged_speakers), each with its rank
-- among its speaker's quotes in its article. Not the quotes being linked (staged_link_items) nor
-- the run's quotes of later chunks (staged_link_later): every other quote with a source has its
-- statement. Paraphrases ($1) of anything but a person ($2) take no part in statements
-- (link.statements.may_repeat) and are left here; spoken words (create_spoken_words.sql) are
-- computed for the rows kept.
WITH ranked AS (
    SELECT q.quote_id, q.article_id, q.source_id, s.name, s.kind, q.kind AS quote_kind, q.content, q.content_start,
           q.piece_starts, q.piece_ends,
           row_number() OVER (PARTITION BY q.article_id, q.source_id ORDER BY q.content_start, q.quote_id) AS rank_in_article
    FROM quotes AS q
    JOIN sources AS s USING (source_id)
    WHERE q.source_id IN (SELECT speaker FROM staged_speakers)
)
SELECT quote_id, article_id, source_id, name, kind, quote_kind, content,
       spoken_words(content, content_start, piece_starts, piece_ends) AS spoken, rank_in_article
FROM ranked
WHERE quote_id NOT IN (SELECT item_id FROM staged_link_items)
  AND quote_id NOT IN (SELECT item_id FROM staged_link_later)
  AND (quote_kind <> $1::VARCHAR OR kind = $2::VARCHAR);
