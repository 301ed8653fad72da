"""A file's state on disk, the inputs counted per file, and quarantined inputs traced to their file."""

from __future__ import annotations

import os
from pathlib import Path

from ingest.documents import read_documents
from ingest.file_states import counted_per_file, file_state, files_with_errors
from ingest.records import InputFile


def test_a_file_state_is_its_resolved_path_size_and_modification_time(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Some news.", encoding="utf-8")
    os.utime(path, ns=(1_000_000_000, 2_000_000_000))
    (tmp_path / "link.txt").symlink_to(path)
    state = file_state(InputFile(tmp_path / "link.txt", "txt"))
    assert (state.path, state.kind, state.size_bytes, state.modified_ns) == (str(path), "txt", 10, 2_000_000_000)
    assert file_state(InputFile(tmp_path / "gone.txt", "txt")) is None


def test_inputs_are_counted_per_file_as_they_are_read(tmp_path):
    (tmp_path / "one.txt").write_text("A story.", encoding="utf-8")
    (tmp_path / "many.jsonl").write_text('{"text": "First."}\n{"text": "Second."}\n{broken\n', encoding="utf-8")
    files = [InputFile(tmp_path / "one.txt", "txt"), InputFile(tmp_path / "many.jsonl", "jsonl")]
    tally: dict[InputFile, int] = {}
    items = list(counted_per_file(files, lambda one: read_documents(one, 10_000), tally))
    assert len(items) == 4 and tally == {files[0]: 1, files[1]: 3}


def test_a_quarantined_input_is_traced_to_its_file_by_its_source_uri():
    jsonl, warc, text = (InputFile(Path(p), k) for p, k in
                         [("in/a#b.jsonl", "jsonl"), ("in/x.warc.gz", "warc"), ("in/c.txt", "txt")])
    errors = ["in/a#b.jsonl#line3", "in/x.warc.gz#offset=1024", "elsewhere/c.txt", "in/c.txt.bak"]
    assert files_with_errors([jsonl, warc, text], errors) == {jsonl, warc}
    assert files_with_errors([jsonl, warc, text], ["in/c.txt"]) == {text}
