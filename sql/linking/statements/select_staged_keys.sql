-- What the statement linker compares of the quotes to group (staged_link_items): the words, who
-- said them (transforms.linking.statements.speaker_key makes the speaker of source, name, kind),
-- and the quote's rank among its speaker's quotes in its article (by position), over all of the
-- article's quotes, whichever chunk they are linked in.
WITH speakers AS (
    SELECT source_id, name, kind,
           CASE WHEN kind = 'person' AND trim(name) <> ''
                THEN 'person:' || lower(string_split(trim(name), ' ')[-1])
                ELSE 'source:' || source_id END AS speaker
    FROM sources
), ranked AS (
    SELECT q.quote_id, q.article_id, q.source_id, sp.name, sp.kind, q.kind AS quote_kind, q.content,
           row_number() OVER (PARTITION BY q.article_id, sp.speaker ORDER BY q.content_start, q.quote_id)
               AS rank_in_article
    FROM quotes AS q
    JOIN speakers AS sp USING (source_id)
    WHERE q.article_id IN (SELECT article_id FROM quotes WHERE quote_id IN (SELECT item_id FROM staged_link_items))
)
SELECT quote_id, article_id, source_id, name, kind, quote_kind, content, rank_in_article
FROM ranked
WHERE quote_id IN (SELECT item_id FROM staged_link_items);
