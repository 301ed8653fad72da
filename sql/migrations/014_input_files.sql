-- 014_input_files: each input file as a completed run last read it, so that a re-run skips the
-- files that have not changed since (same size and modification time) without reading them.
-- A file is recorded only when every input it held was loaded with no quarantine row; one with
-- a bad line or page is read again by every run, as before.
CREATE TABLE input_files (
    path         VARCHAR NOT NULL,   -- absolute path, links resolved
    kind         VARCHAR NOT NULL,   -- txt | jsonl | html | warc
    size_bytes   BIGINT NOT NULL,
    modified_ns  BIGINT NOT NULL,    -- st_mtime_ns when it was read
    n_inputs     INTEGER NOT NULL,   -- documents, pages and records the file held
    run_id       VARCHAR NOT NULL
);

-- Files a run skipped because they had not changed since a completed run read them.
ALTER TABLE runs ADD COLUMN n_files_unchanged INTEGER;
