-- Known person sources that may be the person a staged variant spelling names: those whose
-- name (the key after "person:") ends in a staged surname word, or has it just before a
-- suffix ("donald trump jr"), with the quotes they carry. extract.person_names decides which
-- is the one. Staged: staged_surnames(surname), the last word of each staged person's surname.
WITH people AS (
    SELECT source_id, source_key, string_split(substr(source_key, 8), ' ') AS words
    FROM sources
    WHERE kind = 'person' AND starts_with(source_key, 'person:')
), candidates AS (
    SELECT source_id, source_key
    FROM people
    WHERE list_extract(words, -1) IN (SELECT surname FROM staged_surnames)
       OR list_extract(words, -2) IN (SELECT surname FROM staged_surnames)
)
SELECT c.source_key, coalesce(sum(a.n_quotes), 0) AS n_quotes
FROM candidates AS c
LEFT JOIN article_sources AS a USING (source_id)
GROUP BY c.source_key
ORDER BY c.source_key;
