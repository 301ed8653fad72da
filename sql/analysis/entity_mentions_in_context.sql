-- Every mention of an entity, shown in its original context (60 characters either side).
-- Grain: one mention. Parameter $1: the entity text, matched case-insensitively.
SELECT
    a.title::VARCHAR                                                         AS title,
    a.published_at::TIMESTAMP                                                AS published_at,
    m.label::VARCHAR                                                         AS label,
    m.start::INTEGER                                                         AS start,
    substr(a.raw_text, greatest(m.start - 60, 0) + 1, least(m.start, 60))::VARCHAR AS before,
    substr(a.raw_text, m.start + 1, m."end" - m.start)::VARCHAR              AS mention,
    substr(a.raw_text, m."end" + 1, 60)::VARCHAR                             AS after
FROM entity_mentions AS m
JOIN articles AS a USING (article_id)
WHERE lower(m.text) = lower($1::VARCHAR)
ORDER BY a.published_at, a.article_id, m.start;
