-- statement_quotes: the quotes behind each statement (key: statement_id, quote_id): which article
-- quoted it, when, in which words, who said them there, and why it was linked; quote_rank 1 is the
-- first outlet to carry it. primary_statement is false where the quote also carries another remark
-- and belongs to that one's statement first.
CREATE OR REPLACE VIEW statement_quotes AS
SELECT
    qs.statement_id::VARCHAR                  AS statement_id,
    qs.quote_id::VARCHAR                      AS quote_id,
    q.article_id::VARCHAR                     AS article_id,
    a.title::VARCHAR                          AS title,
    coalesce(a.publisher, a.agency)::VARCHAR  AS outlet,
    a.published_at::TIMESTAMP                 AS published_at,
    q.content::VARCHAR                        AS content,
    q.kind::VARCHAR                           AS kind,
    q.source_id::VARCHAR                      AS speaker_source_id,
    s.name::VARCHAR                           AS speaker,
    q.speaker_text::VARCHAR                   AS speaker_text,
    qs.link_score::DOUBLE                     AS link_score,
    qs.link_reason::VARCHAR                   AS link_reason,
    coalesce(qs.primary_statement, true)::BOOLEAN AS primary_statement,
    row_number() OVER (PARTITION BY qs.statement_id ORDER BY a.published_at NULLS LAST, qs.quote_id)::INTEGER
                                              AS quote_rank
FROM quote_statements AS qs
JOIN quotes AS q USING (quote_id)
JOIN articles AS a USING (article_id)
LEFT JOIN sources AS s ON s.source_id = q.source_id;
