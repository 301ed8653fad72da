-- Export of articles (grain: article_id) with the partition key year_month ('unknown' when
-- the publication date is not known).
SELECT
    *,
    coalesce(strftime(published_at, '%Y-%m'), 'unknown') AS year_month
FROM articles
ORDER BY article_id;
