-- 017_quote_pieces: where a quote's own words lie, piece by piece, so that the reporter's words
-- inside an interrupted quotation ("...," she said, "...") are told apart from the speaker's.
-- NULL on rows loaded before this column existed, until the article's quotes are extracted again.
ALTER TABLE quotes ADD COLUMN piece_starts INTEGER[];
ALTER TABLE quotes ADD COLUMN piece_ends INTEGER[];
