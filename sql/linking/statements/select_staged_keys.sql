-- What the statement linker compares of the quotes to group (staged_link_items): the words (the
-- spoken_words macro of create_spoken_words.sql), who said them (the source: the load gave a
-- person's spellings one source) and the quote's rank among its speaker's quotes in its article
-- by position, over all of the article's quotes, whichever chunk they are linked in.
WITH ranked AS (
    SELECT q.quote_id, q.article_id, q.source_id, s.name, s.kind, q.kind AS quote_kind, q.content, q.content_start,
           q.piece_starts, q.piece_ends,
           row_number() OVER (PARTITION BY q.article_id, q.source_id ORDER BY q.content_start, q.quote_id) AS rank_in_article
    FROM quotes AS q
    JOIN sources AS s USING (source_id)
    WHERE q.article_id IN (SELECT article_id FROM quotes WHERE quote_id IN (SELECT item_id FROM staged_link_items))
)
SELECT quote_id, article_id, source_id, name, kind, quote_kind, content,
       spoken_words(content, content_start, piece_starts, piece_ends) AS spoken, rank_in_article
FROM ranked
WHERE quote_id IN (SELECT item_id FROM staged_link_items);
