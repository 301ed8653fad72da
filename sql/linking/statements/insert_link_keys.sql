-- Store the keys of the quotes the statement linker read (staged_link_words: their normalised
-- words), replacing any they had: each run of $1 words (all of them when there are fewer) hashed,
-- with the key version $2. The shingles are the ones link.statements.word_shingles makes.
DELETE FROM quote_link_keys WHERE quote_id IN (SELECT quote_id FROM staged_link_words);
INSERT INTO quote_link_keys (quote_id, shingles, key_version)
SELECT quote_id,
       CASE WHEN len(words) = 0 THEN []::UBIGINT[]
            ELSE list_transform(range(greatest(1, len(words) - $1 + 1)),
                                i -> hash(array_to_string(words[i + 1:i + $1], ' '))) END,
       $2
FROM staged_link_words;
