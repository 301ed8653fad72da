-- What the statement linker compares of the quotes to group (staged_link_items): the words and
-- who said them (quote_speakers and spoken_words of create_quote_speakers.sql), and the quote's
-- rank among its speaker's quotes in its article by position, over all of the article's quotes,
-- whichever chunk they are linked in.
WITH ranked AS (
    SELECT *, row_number() OVER (PARTITION BY article_id, speaker ORDER BY content_start, quote_id) AS rank_in_article
    FROM quote_speakers
    WHERE article_id IN (SELECT article_id FROM quotes WHERE quote_id IN (SELECT item_id FROM staged_link_items))
)
SELECT quote_id, article_id, source_id, name, kind, quote_kind, content,
       spoken_words(content, content_start, piece_starts, piece_ends) AS spoken, rank_in_article
FROM ranked
WHERE quote_id IN (SELECT item_id FROM staged_link_items);
