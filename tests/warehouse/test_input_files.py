"""Input files as completed runs read them, on a real DuckDB file: found again only while size,
modification time and every extractor version are the same."""

from __future__ import annotations

from extract.components import EXTRACTOR_VERSIONS
from ingest.file_states import FileState
from ingest.records import IngestError
from warehouse.input_files import record_read_files, run_error_uris, unchanged_files
from warehouse.load import load_batch
from warehouse.query import run_query

A = FileState("/in/a.jsonl", "jsonl", 100, 1_000)
B = FileState("/in/b.txt", "txt", 20, 2_000)


def test_a_recorded_file_is_unchanged_until_its_size_or_time_moves(warehouse_path):
    record_read_files(warehouse_path, "run-1", [(A, 3), (B, 1)])
    assert unchanged_files(warehouse_path, [A, B], EXTRACTOR_VERSIONS) == {A.path: 3, B.path: 1}
    touched = FileState(B.path, B.kind, B.size_bytes, B.modified_ns + 1)
    grown = FileState(A.path, A.kind, A.size_bytes + 1, A.modified_ns)
    assert unchanged_files(warehouse_path, [grown, touched], EXTRACTOR_VERSIONS) == {}
    assert unchanged_files(warehouse_path, [FileState("/in/new.txt", "txt", 20, 2_000)], EXTRACTOR_VERSIONS) == {}


def test_reading_a_file_again_replaces_its_row(warehouse_path):
    record_read_files(warehouse_path, "run-1", [(A, 3)])
    again = FileState(A.path, A.kind, 150, 5_000)
    record_read_files(warehouse_path, "run-2", [(again, 4)])
    assert run_query(warehouse_path, "SELECT path, size_bytes, n_inputs, run_id FROM input_files").rows == [
        (A.path, 150, 4, "run-2")]


def test_no_file_is_unchanged_while_an_article_has_an_old_extractor(warehouse_path, seed_batch):
    article = seed_batch.articles[0]
    load_batch(warehouse_path, "run-1", seed_batch, [(article.article_id, "a.txt")], [], EXTRACTOR_VERSIONS)
    record_read_files(warehouse_path, "run-1", [(A, 1)])
    assert unchanged_files(warehouse_path, [A], EXTRACTOR_VERSIONS) == {A.path: 1}
    newer = EXTRACTOR_VERSIONS | {"events": "events.v999"}  # its articles must be read to re-extract them
    assert unchanged_files(warehouse_path, [A], newer) == {}


def test_a_runs_quarantined_inputs_are_listed_whatever_the_stage(warehouse_path, seed_batch):
    load_batch(warehouse_path, "run-1", seed_batch, [], [IngestError("in/c.jsonl#line2", "invalid_json", "bad")],
               EXTRACTOR_VERSIONS)
    assert run_error_uris(warehouse_path, "run-1") == ["in/c.jsonl#line2"]
    assert run_error_uris(warehouse_path, "run-2") == []
