-- What the statement linker reads of quotes, for this connection only.
-- quote_speakers: every quote with a source, and who said it (the source: the load gave a
-- person's spellings one source).
CREATE OR REPLACE TEMP VIEW quote_speakers AS
SELECT q.quote_id, q.article_id, q.source_id, s.name, s.kind, q.kind AS quote_kind, q.content, q.content_start,
       q.piece_starts, q.piece_ends, q.source_id AS speaker
FROM quotes AS q
JOIN sources AS s USING (source_id);

-- spoken_words: the pieces inside a quote's quotation marks joined (NULL for a quote loaded
-- before migration 017: link.statements.spoken_words reads the marks in its content instead).
-- A macro rather than a column of the view, so that a query computes it only for the rows it
-- keeps, after its window.
CREATE OR REPLACE TEMP MACRO spoken_words(content, content_start, piece_starts, piece_ends) AS
    CASE WHEN len(piece_starts) > 0
         THEN array_to_string(list_transform(range(len(piece_starts)),
                                             i -> substr(content, piece_starts[i + 1] - content_start + 1,
                                                         piece_ends[i + 1] - piece_starts[i + 1])), ' ')
         WHEN piece_starts IS NOT NULL THEN content END;
