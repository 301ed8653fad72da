-- Record the files a run read whole: a file read before is replaced by its new state.
-- Staged: staged_files(path, kind, size_bytes, modified_ns, n_inputs, run_id).
DELETE FROM input_files WHERE path IN (SELECT path FROM staged_files);
INSERT INTO input_files BY NAME SELECT * FROM staged_files;
