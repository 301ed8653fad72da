-- Sources no article cites any more (after a re-extraction) are removed.
DELETE FROM sources WHERE source_id NOT IN (SELECT source_id FROM article_sources);
