-- A quote's spoken words as the statement linker reads them, for this connection only: the pieces
-- inside its quotation marks joined (NULL for a quote loaded before migration 017:
-- link.statements.spoken_words reads the marks in its content instead). A macro rather than a
-- column of a view, so that a query computes it only for the rows it keeps.
CREATE OR REPLACE TEMP MACRO spoken_words(content, content_start, piece_starts, piece_ends) AS
    CASE WHEN len(piece_starts) > 0
         THEN array_to_string(list_transform(range(len(piece_starts)),
                                             i -> substr(content, piece_starts[i + 1] - content_start + 1,
                                                         piece_ends[i + 1] - piece_starts[i + 1])), ' ')
         WHEN piece_starts IS NOT NULL THEN content END;
