-- article_overview: one row per article (key: article_id), the layout and counts without
-- the raw text, for browsing.
CREATE OR REPLACE VIEW article_overview AS
WITH mention_counts AS (
    SELECT article_id, count(*) AS n_entity_mentions
    FROM entity_mentions
    GROUP BY article_id
),
input_counts AS (
    SELECT article_id, count(*) AS n_inputs
    FROM article_inputs
    GROUP BY article_id
)
SELECT
    a.article_id::VARCHAR                                            AS article_id,
    a.title::VARCHAR                                                 AS title,
    a.byline::VARCHAR                                                AS byline,
    a.dateline::VARCHAR                                              AS dateline,
    a.agency::VARCHAR                                                AS agency,
    a.publisher::VARCHAR                                             AS publisher,
    a.published_at::TIMESTAMP                                        AS published_at,
    a.word_count::INTEGER                                            AS word_count,
    left(substr(a.raw_text, a.body_start + 1, a.body_end - a.body_start), 160)::VARCHAR AS body_excerpt,
    coalesce(m.n_entity_mentions, 0)::INTEGER                        AS n_entity_mentions,
    coalesce(i.n_inputs, 0)::INTEGER                                 AS n_inputs,
    a.source_uri::VARCHAR                                            AS source_uri,
    a.run_id::VARCHAR                                                AS run_id
FROM articles AS a
LEFT JOIN mention_counts AS m USING (article_id)
LEFT JOIN input_counts AS i USING (article_id);
