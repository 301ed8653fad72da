-- Every quote with a source as the statement linker reads it, for this connection only: who
-- said it (the source: the load gave a person's spellings one source) and its spoken words,
-- the pieces inside its quotation marks joined (NULL for a quote loaded before migration 017:
-- link.statements.spoken_words reads the marks in its content instead).
CREATE OR REPLACE TEMP VIEW quote_speakers AS
SELECT q.quote_id, q.article_id, q.source_id, s.name, s.kind, q.kind AS quote_kind, q.content,
       CASE WHEN len(q.piece_starts) > 0
            THEN array_to_string(list_transform(range(len(q.piece_starts)),
                                                i -> substr(q.content, q.piece_starts[i + 1] - q.content_start + 1,
                                                            q.piece_ends[i + 1] - q.piece_starts[i + 1])), ' ')
            WHEN q.piece_starts IS NOT NULL THEN q.content END AS spoken,
       q.source_id AS speaker, q.content_start
FROM quotes AS q
JOIN sources AS s USING (source_id);
