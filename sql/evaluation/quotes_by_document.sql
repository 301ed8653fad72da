-- Every quote with where it sits (the article's external id and offsets), its speaker span,
-- content, source and statements (its own and any other it carries), for scoring against gold
-- keyed by document and offsets.
SELECT a.external_id AS doc, q.quote_id, q.content_start, q.content_end, q.speaker_start, q.speaker_end,
       q.content, q.kind AS quote_kind, q.source_id, s.kind AS source_kind,
       coalesce(list(qs.statement_id ORDER BY qs.statement_id) FILTER (WHERE qs.statement_id IS NOT NULL),
                []) AS statement_ids
FROM quotes AS q
JOIN articles AS a USING (article_id)
LEFT JOIN sources AS s USING (source_id)
LEFT JOIN quote_statements AS qs USING (quote_id)
GROUP BY ALL
ORDER BY doc, q.content_start, q.quote_id;
