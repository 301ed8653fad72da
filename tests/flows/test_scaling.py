"""Scale-out and resumability: worker processes and Dask give the same warehouse as one
process, and a run killed with SIGKILL mid-way is completed by a re-run, with no duplicate
and no partial row."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date

import pytest

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


def _models_loaded() -> int:
    from nlp.pipeline import load_pipeline

    return load_pipeline.cache_info().currsize


def test_dask_local_cluster_gives_the_same_warehouse(one_process_warehouse, tmp_path, monkeypatch):
    from distributed import Client, LocalCluster

    monkeypatch.setenv("WIREHOUSE_BATCH_SIZE", "6")
    monkeypatch.setenv("WIREHOUSE_TASK_RUNNER", "dask")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        monkeypatch.setenv("WIREHOUSE_DASK_ADDRESS", cluster.scheduler_address)
        path = tmp_path / "w.duckdb"
        summary = etl_for(Settings())(inputs=[str(SAMPLES)], warehouse=str(path), published_at=date(2015, 3, 21),
                                      export=False)
        with Client(cluster) as client:  # which workers parsed: the model is loaded once in each that did
            models_loaded = client.run(_models_loaded)
    assert summary.status == "completed"
    assert summary.counts.n_articles_new == 25
    assert len(models_loaded) == 2 and sum(models_loaded.values()) >= 1
    assert warehouse_rows(path) == warehouse_rows(one_process_warehouse)
