"""Readers during a write: `wirehouse sql`, `report` and `export` wait for the batch a run is
writing and read the last committed state, saying which run they wait for."""

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.conftest import PROJECT_ROOT
from warehouse.query import run_queries
from warehouse.readers import WarehouseBusyReading
from warehouse.views import refresh_views


WRITER = """
import sys, time, duckdb
from pathlib import Path
from warehouse.lock import writer_lock
path = Path(sys.argv[1])
with writer_lock(path, "writer-run", timeout_seconds=0):
    connection = duckdb.connect(str(path))
    print("writing", flush=True)
    time.sleep(float(sys.argv[2]))
    connection.close()
"""


def start_writer(warehouse_path, seconds):
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(warehouse_path), str(seconds)], cwd=PROJECT_ROOT,
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "writing"
    return writer


def test_a_reader_waits_for_the_batch_being_written_and_says_for_which_run(warehouse_path):
    """`wirehouse sql` during a run had failed at once with DuckDB's raw lock error."""
    writer = start_writer(warehouse_path, 1.5)
    heard = []
    result = run_queries(warehouse_path, "select count(*) from runs", wait_seconds=60, on_wait=heard.append)
    writer.wait(timeout=30)
    assert result[0].rows == [(0,)]
    assert len(heard) == 1 and "waiting for run writer-run (pid" in heard[0]


def test_a_reader_that_waits_too_long_gives_up_in_one_line_naming_the_run(warehouse_path):
    writer = start_writer(warehouse_path, 3)
    try:
        with pytest.raises(WarehouseBusyReading, match="being written by run writer-run .*still busy after 0.3 s"):
            run_queries(warehouse_path, "select 1", wait_seconds=0.3)
    finally:
        writer.wait(timeout=30)


@pytest.mark.parametrize("command", ["report", "export"])
def test_report_and_export_wait_for_the_batch_being_written(warehouse_path, tmp_path, command):
    refresh_views(warehouse_path)  # the report reads the views a run creates
    writer = start_writer(warehouse_path, 1.5)
    target = tmp_path / ("report.html" if command == "report" else "exports")
    result = CliRunner().invoke(app, [command, "-w", str(warehouse_path), "--to", str(target)])
    writer.wait(timeout=30)
    assert result.exit_code == 0, result.output
    assert "waiting for run writer-run (pid" in result.stderr and target.exists()
