-- The 20 entities named in the most articles for each spaCy label (PERSON, ORG, GPE, ...).
-- Grain: entity_id.
SELECT
    label::VARCHAR       AS label,
    text::VARCHAR        AS entity,
    n_articles::INTEGER  AS n_articles,
    n_mentions::INTEGER  AS n_mentions
FROM entity_frequency
QUALIFY row_number() OVER (PARTITION BY label ORDER BY n_articles DESC, n_mentions DESC, text) <= 20
ORDER BY label, n_articles DESC, n_mentions DESC, entity;
