-- statement_overview: one row per statement (key: statement_id): who said it, the words, how far
-- it spread and who carried it first.
CREATE OR REPLACE VIEW statement_overview AS
SELECT
    s.statement_id::VARCHAR          AS statement_id,
    s.source_id::VARCHAR             AS source_id,
    src.name::VARCHAR                AS source_name,
    src.affiliation::VARCHAR         AS source_affiliation,
    s.content::VARCHAR               AS content,
    s.n_quotes::INTEGER              AS n_quotes,
    s.n_articles::INTEGER            AS n_articles,
    s.n_publishers::INTEGER          AS n_publishers,
    s.first_publisher::VARCHAR       AS first_publisher,
    s.first_published_at::TIMESTAMP  AS first_published_at,
    s.last_published_at::TIMESTAMP   AS last_published_at,
    s.first_article_id::VARCHAR      AS first_article_id
FROM statements AS s
JOIN sources AS src USING (source_id);
