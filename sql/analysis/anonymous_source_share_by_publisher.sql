-- Share of quotes each outlet attributes to anonymous sources ("experts", "officials")
-- or to nobody at all. Grain: outlet.
SELECT
    coalesce(outlet, '(unknown)')::VARCHAR                                        AS outlet,
    count(*)::INTEGER                                                             AS n_quotes,
    count(*) FILTER (WHERE source_kind = 'anonymous')::INTEGER                    AS n_anonymous,
    count(*) FILTER (WHERE source_id IS NULL)::INTEGER                            AS n_unattributed,
    round(count(*) FILTER (WHERE source_kind = 'anonymous') / count(*), 3)::DOUBLE AS anonymous_share
FROM quote_overview
GROUP BY ALL
ORDER BY anonymous_share DESC, outlet;
