-- The quotes behind the statements the report shows (staged_report_statements), at most $1 each.
SELECT statement_id, title, outlet, published_at, content, link_reason, quote_rank
FROM statement_quotes
WHERE statement_id IN (SELECT statement_id FROM staged_report_statements) AND quote_rank <= $1
ORDER BY statement_id, quote_rank;
