"""Scale-out and resumability: worker processes and a Dask cluster started from the command
line give the same warehouse as one
process, and a run killed with SIGKILL mid-way is completed by a re-run, with no duplicate
and no partial row."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from prefect.settings import get_current_settings

from flows.etl import etl, etl_for
from flows.settings import Settings
from tests.conftest import PROJECT_ROOT
from warehouse.connection import open_warehouse
from warehouse.query import run_query

pytestmark = pytest.mark.usefixtures("prefect_server")

SAMPLES = PROJECT_ROOT / "seeds" / "articles"  # 25 articles
DATA_TABLES = ["articles", "article_inputs", "article_segments", "entity_mentions", "article_extractions",
               "quotes", "sources", "article_sources", "events", "event_actors", "event_casualties", "places",
               "ingest_errors"]


def warehouse_rows(path) -> dict[str, list[tuple]]:
    """Every data table's rows, without the columns that name the run or its time."""
    with open_warehouse(path, read_only=True) as connection:
        return {table: connection.execute(
            f"SELECT COLUMNS(c -> c NOT IN ('run_id', 'loaded_at', 'at')) FROM {table} ORDER BY ALL").fetchall()
            for table in DATA_TABLES}


@pytest.fixture(scope="module")
def one_process_warehouse(tmp_path_factory, prefect_server):
    path = tmp_path_factory.mktemp("one") / "w.duckdb"
    summary = etl(inputs=[str(SAMPLES)], warehouse=str(path), published_at=date(2015, 3, 21), export=False)
    assert summary.status == "completed"
    return path


def test_worker_processes_give_the_same_warehouse(one_process_warehouse, tmp_path, monkeypatch):
    monkeypatch.setenv("WIREHOUSE_BATCH_SIZE", "6")  # 5 batches over 2 worker processes
    monkeypatch.setenv("WIREHOUSE_TASK_RUNNER", "processes")
    monkeypatch.setenv("WIREHOUSE_WORKERS", "2")
    path = tmp_path / "w.duckdb"
    summary = etl_for(Settings())(inputs=[str(SAMPLES)], warehouse=str(path), published_at=date(2015, 3, 21),
                                  export=False)
    assert summary.status == "completed"
    assert summary.counts.n_articles_new == 25
    assert warehouse_rows(path) == warehouse_rows(one_process_warehouse)


def test_a_run_killed_mid_way_is_completed_by_a_rerun(one_process_warehouse, tmp_path):
    path = tmp_path / "w.duckdb"
    environment = os.environ | {"WIREHOUSE_BATCH_SIZE": "3", "WIREHOUSE_TASK_RUNNER": "processes",
                                "WIREHOUSE_WORKERS": "2"}
    command = [sys.executable, "-m", "flows", "run", str(SAMPLES), "--warehouse", str(path),
               "--published-at", "2015-03-21", "--no-export"]
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=environment, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    loaded = 0
    deadline = time.monotonic() + 240
    for line in process.stderr:  # the progress log: one line per committed batch
        loaded += "loaded:" in line
        if loaded >= 2 or time.monotonic() > deadline:
            break
    os.killpg(process.pid, signal.SIGKILL)  # the flow and its worker processes, mid-run
    process.wait()
    assert loaded >= 2, "the run did not get as far as two batches"

    partial = run_query(path, "SELECT count(*) FROM articles").rows[0][0]
    assert 0 < partial < 25 and partial % 3 == 0  # whole batches only

    summary = etl(inputs=[str(SAMPLES)], warehouse=str(path), published_at=date(2015, 3, 21), export=False)
    assert summary.status == "completed"
    assert summary.counts.n_articles_existing == partial
    assert summary.counts.n_articles_new == 25 - partial
    assert warehouse_rows(path) == warehouse_rows(one_process_warehouse)
    runs = run_query(path, "SELECT status, n_articles_new, error_message FROM runs ORDER BY started_at").rows
    assert [r[0] for r in runs] == ["interrupted", "completed"]
    assert runs[0][1] == partial and "killed" in runs[0][2]


needs_a_spare_core = pytest.mark.skipif(
    (os.cpu_count() or 1) < 2, reason="a Dask scheduler and two workers beside the flow need two cores; "
                                      "this machine has one")


class DaskCluster:
    """A Dask scheduler and two single-threaded workers, each started as `dask` on the command
    line would be, in its own process group (so that one can be killed whole)."""

    def __init__(self, folder):
        dask = str(Path(sys.executable).with_name("dask"))
        scheduler_file = folder / "scheduler.json"
        self.processes = [subprocess.Popen(
            [dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
             "--scheduler-file", str(scheduler_file)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)]
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        self.address = json.loads(scheduler_file.read_text(encoding="utf-8"))["address"]
        self.workers = [subprocess.Popen(
            [dask, "worker", "--scheduler-file", str(scheduler_file), "--nthreads", "1", "--no-nanny",
             "--no-dashboard", "--name", f"worker-{n}"],
            cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            for n in (1, 2)]
        self.processes += self.workers
        from distributed import Client

        with Client(self.address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture
def dask_cluster(tmp_path):
    cluster = DaskCluster(tmp_path)
    try:
        yield cluster
    finally:
        cluster.stop()


@needs_a_spare_core
def test_a_dask_cluster_started_from_the_command_line_gives_the_same_warehouse(
        one_process_warehouse, dask_cluster, tmp_path, monkeypatch):
    from distributed import Client

    monkeypatch.setenv("WIREHOUSE_BATCH_SIZE", "6")
    monkeypatch.setenv("WIREHOUSE_TASK_RUNNER", "dask")
    monkeypatch.setenv("WIREHOUSE_DASK_ADDRESS", dask_cluster.address)
    path = tmp_path / "w.duckdb"
    summary = etl_for(Settings())(inputs=[str(SAMPLES)], warehouse=str(path), published_at=date(2015, 3, 21),
                                  export=False)
    with Client(dask_cluster.address) as client:  # which workers parsed: the model is loaded once in each that did
        # a lambda travels by value: the workers cannot import this test module
        models_loaded = client.run(lambda: __import__("nlp.pipeline").pipeline.load_pipeline.cache_info().currsize)
    assert summary.status == "completed"
    assert summary.counts.n_articles_new == 25
    assert len(models_loaded) == 2 and sum(models_loaded.values()) >= 1
    assert warehouse_rows(path) == warehouse_rows(one_process_warehouse)


@needs_a_spare_core
def test_a_dask_worker_killed_mid_run_loses_nothing_and_loads_nothing_twice(
        one_process_warehouse, dask_cluster, tmp_path):
    path = tmp_path / "w.duckdb"
    environment = os.environ | {"WIREHOUSE_BATCH_SIZE": "3", "WIREHOUSE_TASK_RUNNER": "dask",
                                "WIREHOUSE_DASK_ADDRESS": dask_cluster.address,
                                "PREFECT_API_URL": get_current_settings().api.url}
    command = [sys.executable, "-m", "flows", "run", str(SAMPLES), "--warehouse", str(path),
               "--published-at", "2015-03-21", "--no-export"]
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=environment, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    lines = []
    for line in process.stderr:  # the progress log: one line per committed batch
        lines.append(line)
        if "loaded:" in line:
            break
    killed = dask_cluster.workers[0]
    os.killpg(killed.pid, signal.SIGKILL)  # one worker, mid-run: the batches it held go to the other
    lines += process.stderr.readlines()
    assert process.wait(timeout=600) == 0, "".join(lines[-20:])
    assert killed.wait() == -signal.SIGKILL
    assert sum("loaded:" in line for line in lines) == 9  # 25 articles in batches of 3, each loaded once
    assert warehouse_rows(path) == warehouse_rows(one_process_warehouse)
    assert run_query(path, "SELECT status, n_articles_new FROM runs").rows == [("completed", 25)]
