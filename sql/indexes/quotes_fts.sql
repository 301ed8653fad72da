-- Full-text index over quote content (BM25, English stemmer), rebuilt after every run.
-- Query it with fts_main_quotes.match_bm25(quote_id, 'words'): see sql/analysis/quote_search.sql.
PRAGMA create_fts_index('quotes', 'quote_id', 'content', stemmer = 'english', overwrite = 1);
