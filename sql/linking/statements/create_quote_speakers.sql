-- Every quote with a source as the statement linker reads it, for this connection only: its
-- words and who said it (the source: the load gave a person's spellings one source).
CREATE OR REPLACE TEMP VIEW quote_speakers AS
SELECT q.quote_id, q.article_id, q.source_id, s.name, s.kind, q.kind AS quote_kind, q.content,
       q.source_id AS speaker, q.content_start
FROM quotes AS q
JOIN sources AS s USING (source_id);
