-- The quotes already grouped of the new quotes' speakers (staged_speakers), each with its rank
-- among its speaker's quotes in its article. Not the quotes being linked (staged_link_items) nor
-- the run's quotes of later chunks (staged_link_later): every other quote with a source has its
-- statement. Paraphrases ($1) of anything but a person ($2) take no part in statements
-- (link.statements.may_repeat) and are left here; their spoken words are those of
-- create_quote_speakers.sql, computed for the rows kept.
WITH ranked AS (
    SELECT q.quote_id, q.article_id, q.source_id, q.kind AS quote_kind, q.content, q.content_start,
           q.piece_starts, q.piece_ends,
           row_number() OVER (PARTITION BY q.article_id, q.source_id ORDER BY q.content_start, q.quote_id) AS rank_in_article
    FROM quotes AS q
    WHERE q.source_id IN (SELECT speaker FROM staged_speakers)
)
SELECT r.quote_id, r.article_id, r.source_id, s.name, s.kind, r.quote_kind, r.content,
       CASE WHEN len(r.piece_starts) > 0
            THEN array_to_string(list_transform(range(len(r.piece_starts)),
                                                i -> substr(r.content, r.piece_starts[i + 1] - r.content_start + 1,
                                                            r.piece_ends[i + 1] - r.piece_starts[i + 1])), ' ')
            WHEN r.piece_starts IS NOT NULL THEN r.content END AS spoken,
       r.rank_in_article
FROM ranked AS r
JOIN sources AS s USING (source_id)
WHERE r.quote_id NOT IN (SELECT item_id FROM staged_link_items)
  AND r.quote_id NOT IN (SELECT item_id FROM staged_link_later)
  AND (r.quote_kind <> $1::VARCHAR OR s.kind = $2::VARCHAR);
