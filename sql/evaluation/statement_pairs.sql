-- Every pair of quotes in different articles that one statement holds, with where each sits
-- (the article's external id and the content's offsets), the source and why they were linked.
SELECT DISTINCT
    aa.external_id AS doc_a, qa.content_start AS start_a, qa.content_end AS end_a,
    ab.external_id AS doc_b, qb.content_start AS start_b, qb.content_end AS end_b,
    s.name AS source, l.reason, qa.content AS content_a, qb.content AS content_b
FROM quote_links AS l
JOIN quote_statements AS sa ON sa.quote_id = l.quote_a
JOIN quote_statements AS sb ON sb.quote_id = l.quote_b AND sb.statement_id = sa.statement_id
JOIN quotes AS qa ON qa.quote_id = l.quote_a
JOIN quotes AS qb ON qb.quote_id = l.quote_b
JOIN articles AS aa ON aa.article_id = qa.article_id
JOIN articles AS ab ON ab.article_id = qb.article_id
JOIN sources AS s ON s.source_id = qa.source_id
ORDER BY doc_a, start_a, doc_b, start_b;
