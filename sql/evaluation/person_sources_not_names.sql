-- Person sources whose name is no person's name: a digit or a sign no name holds, more than
-- five words, a word in lower case that is no particle ("de", "bin"), a word no name holds
-- ("Says", "Tower"), or the name of an outlet ("Politico"). Empty = pass.
-- Bound: $1 particles, $2 words no name holds, $3 outlet spellings, each a list of casefolded
-- strings from seeds/name_parts.csv, seeds/not_name_words.csv and seeds/outlets.csv.
WITH people AS (
    SELECT s.source_id, s.name, string_split(trim(s.name), ' ') AS words, count(q.quote_id) AS n_quotes
    FROM sources AS s
    LEFT JOIN quotes AS q USING (source_id)
    WHERE s.kind = 'person'
    GROUP BY s.source_id, s.name
), name_words AS (
    SELECT source_id, unnest(words) AS word
    FROM people
), odd_words AS (
    SELECT DISTINCT source_id
    FROM name_words
    WHERE list_contains($2::VARCHAR[], lower(trim(word, '.,')))
       OR (NOT regexp_matches(word, '^\p{Lu}') AND NOT list_contains($1::VARCHAR[], lower(word)))
)
SELECT source_id, name, n_quotes
FROM people
WHERE regexp_matches(name, '[0-9:;()\[\]/\\@#&+=<>|]')
   OR len(words) > 5
   OR list_contains($3::VARCHAR[], lower(name))
   OR source_id IN (SELECT source_id FROM odd_words)
ORDER BY n_quotes DESC, name;
