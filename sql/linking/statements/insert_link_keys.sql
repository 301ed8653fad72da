-- Store the keys the statement linker computed (staged_link_keys): for the quotes it linked and
-- for grouped quotes it read with none stored. Keys of another linker version are replaced.
DELETE FROM quote_link_keys WHERE quote_id IN (SELECT quote_id FROM staged_link_keys);
INSERT INTO quote_link_keys (quote_id, shingles, linker_version)
SELECT quote_id, shingles, linker_version FROM staged_link_keys;
