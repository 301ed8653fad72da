-- entity_frequency: one row per entity_id (label + casefolded text), with its commonest
-- spelling and how many mentions and articles name it.
CREATE OR REPLACE VIEW entity_frequency AS
WITH spellings AS (
    SELECT entity_id, label, text, count(*) AS n
    FROM entity_mentions
    GROUP BY entity_id, label, text
),
totals AS (
    SELECT entity_id, count(*) AS n_mentions, count(DISTINCT article_id) AS n_articles
    FROM entity_mentions
    GROUP BY entity_id
)
SELECT
    s.entity_id::VARCHAR         AS entity_id,
    any_value(s.label)::VARCHAR  AS label,
    arg_max(s.text, s.n)::VARCHAR AS text,
    any_value(t.n_mentions)::INTEGER AS n_mentions,
    any_value(t.n_articles)::INTEGER AS n_articles
FROM spellings AS s
JOIN totals AS t USING (entity_id)
GROUP BY s.entity_id;
