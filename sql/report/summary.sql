-- The report's headline figures (one row), from the views only. Deaths leave out the incidents
-- of implausible_incidents (a war's or a year's total read as one incident's toll).
SELECT
    (SELECT count(*) FROM article_overview)::INTEGER                               AS n_articles,
    (SELECT count(DISTINCT coalesce(publisher, agency)) FROM article_overview)::INTEGER AS n_outlets,
    (SELECT count(*) FROM event_overview WHERE modality = 'asserted')::INTEGER     AS n_event_reports,
    (SELECT count(*) FROM incident_overview)::INTEGER                              AS n_incidents,
    (SELECT count(*) FROM incident_overview WHERE n_reports > 1)::INTEGER          AS n_incidents_linked,
    (SELECT count(*) FROM incident_overview WHERE latitude IS NOT NULL)::INTEGER   AS n_incidents_mapped,
    (SELECT coalesce(sum(fatalities), 0) FROM incident_overview
      WHERE incident_id NOT IN (SELECT incident_id FROM implausible_incidents))::BIGINT AS fatalities,
    (SELECT count(*) FROM implausible_incidents)::INTEGER                          AS n_implausible,
    (SELECT coalesce(sum(fatalities), 0) FROM implausible_incidents)::BIGINT       AS fatalities_left_out,
    (SELECT count(*) FROM quote_overview)::INTEGER                                 AS n_quotes,
    (SELECT count(*) FROM statement_overview)::INTEGER                             AS n_statements,
    (SELECT count(*) FROM statement_overview WHERE n_articles > 1)::INTEGER        AS n_statements_repeated,
    (SELECT min(published_at) FROM article_overview)::TIMESTAMP                    AS first_published_at,
    (SELECT max(published_at) FROM article_overview)::TIMESTAMP                    AS last_published_at;
