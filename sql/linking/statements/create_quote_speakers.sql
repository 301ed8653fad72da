-- Every quote as the statement linker reads it, for this connection only: its words and who
-- said it, the same source or a person's surname ("person:obama"), as
-- link.statements.speaker_key says.
CREATE OR REPLACE TEMP VIEW quote_speakers AS
WITH speakers AS (
    SELECT source_id, name, kind,
           CASE WHEN kind = 'person' AND trim(name) <> ''
                THEN 'person:' || lower(string_split(trim(name), ' ')[-1])
                ELSE 'source:' || source_id END AS speaker
    FROM sources
)
SELECT q.quote_id, q.article_id, q.source_id, sp.name, sp.kind, q.kind AS quote_kind, q.content, sp.speaker,
       q.content_start
FROM quotes AS q
JOIN speakers AS sp USING (source_id);
