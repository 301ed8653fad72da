-- How far statements spread: articles, outlets, quotes, statements and their repetition.
SELECT
    (SELECT count(*) FROM articles)                                            AS n_articles,
    (SELECT count(DISTINCT coalesce(publisher, agency)) FROM articles)         AS n_outlets,
    (SELECT count(*) FROM quotes)                                              AS n_quotes,
    (SELECT count(*) FROM quotes WHERE source_id IS NOT NULL)                  AS n_quotes_with_source,
    (SELECT count(*) FROM statements)                                          AS n_statements,
    (SELECT count(*) FROM statements WHERE n_articles > 1)                     AS n_repeated,
    (SELECT count(*) FROM statements WHERE n_publishers > 1)                   AS n_repeated_across_outlets,
    (SELECT coalesce(max(n_publishers), 0) FROM statements)                    AS max_outlets,
    (SELECT coalesce(avg(n_publishers), 0) FROM statements WHERE n_articles > 1) AS mean_outlets_of_repeated;
