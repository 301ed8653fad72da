"""Nothing lost: each hostile input or fault, run as a real flow into a real DuckDB file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import extract.components
from flows.cli import app
from flows.etl import etl
from ingest.records import article_id_for
from tests.conftest import FIXTURES_DIR, PROJECT_ROOT, SEED_ARTICLE
from warehouse.connection import prepare_warehouse
from warehouse.export import export_manifest, exports_lag
from warehouse.lock import WarehouseBusy, lock_path_for, writer_lock
from warehouse.query import run_query
from warehouse.space import RESERVE_BYTES, reserve_path_for

pytestmark = pytest.mark.usefixtures("prefect_server")

LONG_PARAGRAPH = ("Police in Paris arrested two men on Monday after a protest outside the ministry, "
                  "a spokesman said. The talks would go on, the minister told reporters. ")
FAILING_TEXT = "The Zzyzx council met on Tuesday.\n\nMembers of the Zzyzx council agreed on a budget."


@pytest.fixture
def failing_events_extractor(monkeypatch):
    """An extractor that raises on one article, as a bug would."""
    real = extract.components.extract_events

    def events_or_bug(index, *args, **kwargs):
        if "Zzyzx" in index.text:
            raise RuntimeError("an extractor bug\nwith a second line")
        return real(index, *args, **kwargs)

    monkeypatch.setattr(extract.components, "extract_events", events_or_bug)


def test_a_long_article_and_a_failing_one_leave_the_rest_of_the_batch_loaded(tmp_path, nlp, monkeypatch,
                                                                             failing_events_extractor):
    # spaCy refuses texts over nlp.max_length (E088: 1,000,000 characters by default); lowered
    # here so that the over-long article stays quick to parse.
    monkeypatch.setattr(nlp, "max_length", 30_000)
    folder = tmp_path / "inputs"
    folder.mkdir()
    shutil.copy(SEED_ARTICLE, folder / "seed.txt")
    long_text = "Protest in Paris\n\n" + LONG_PARAGRAPH * 450  # one line of about 75,000 characters
    (folder / "long.txt").write_text(long_text, encoding="utf-8")
    (folder / "failing.txt").write_text(FAILING_TEXT, encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"

    summary = etl(inputs=[str(folder)], warehouse=str(warehouse), export=False)

    assert summary.status == "completed", summary.failed_checks  # offsets checked in raw_text
    assert (summary.counts.n_articles_new, summary.counts.n_quarantined) == (2, 1)
    (error,) = run_query(warehouse, "SELECT error_kind, article_id, message, source_uri FROM ingest_errors").rows
    assert error[:2] == ("extract", article_id_for(FAILING_TEXT))
    assert error[2] == "cannot extract from the article: RuntimeError: an extractor bug"
    assert error[3].endswith("failing.txt")
    long_id = article_id_for(long_text)
    n_paris, n_wrong = run_query(warehouse, """
        SELECT count(*), count(*) FILTER (WHERE substr(a.raw_text, m."start" + 1, m."end" - m."start") <> m.text)
        FROM entity_mentions AS m JOIN articles AS a USING (article_id)
        WHERE m.article_id = $1 AND m.text = 'Paris'""", [long_id]).rows[0]
    assert n_paris >= 400 and n_wrong == 0  # every piece parsed, offsets into the whole raw_text
    assert run_query(warehouse, "SELECT count(*) FROM articles WHERE article_id = $1",
                     [article_id_for(FAILING_TEXT)]).rows == [(0,)]

    again = etl(inputs=[str(folder)], warehouse=str(warehouse), export=False)  # the failing file is read again
    assert (again.counts.n_files_unchanged, again.counts.n_inputs, again.counts.n_quarantined) == (2, 1, 1)
    assert run_query(warehouse, "SELECT count(*) FROM ingest_errors").rows == [(2,)]


def _wait_until(condition, timeout_seconds: float) -> bool:
    deadline = time.monotonic() + timeout_seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def test_two_runs_on_one_warehouse_both_load_one_after_the_other(tmp_path):
    """Two `wirehouse run` processes on one warehouse at once: each waits for the writer lock
    (and says so), then they load one after the other; both runs are recorded completed.

    The test holds the lock until both runs are waiting for it, so that they overlap however
    fast each starts: left to start together, a short run could finish before the other asked."""
    from prefect.settings import PREFECT_API_URL

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    shutil.copy(SEED_ARTICLE, first / "seed.txt")
    for name in ("ap_style.txt", "muc_style.txt"):
        shutil.copy(FIXTURES_DIR / "articles" / name, first / name)
    for name in ("reuters_style.txt", "wire.jsonl"):
        shutil.copy(FIXTURES_DIR / "articles" / name, second / name)
    warehouse = tmp_path / "w.duckdb"
    environment = os.environ | {"PREFECT_API_URL": PREFECT_API_URL.value(), "WIREHOUSE_BATCH_SIZE": "1",
                                "WIREHOUSE_TASK_RUNNER": "threads", "WIREHOUSE_WORKERS": "1"}
    errors = [tmp_path / f"{folder.name}.err" for folder in (first, second)]
    with writer_lock(warehouse, "held-by-the-test", timeout_seconds=0), \
            errors[0].open("w", encoding="utf-8") as first_err, errors[1].open("w", encoding="utf-8") as second_err:
        runs = [subprocess.Popen([sys.executable, "-m", "flows", "run", str(folder), "--warehouse", str(warehouse),
                                  "--no-export"], cwd=PROJECT_ROOT, env=environment, stdout=subprocess.DEVNULL,
                                 stderr=err) for folder, err in ((first, first_err), (second, second_err))]
        both_wait = _wait_until(lambda: all("waiting for run held-by-the-test" in e.read_text(encoding="utf-8")
                                            for e in errors), timeout_seconds=240)
    returncodes = [run.wait(timeout=300) for run in runs]
    said = [e.read_text(encoding="utf-8") for e in errors]
    assert both_wait and returncodes == [0, 0], said
    runs_loaded = run_query(warehouse, "SELECT status, started_at, finished_at FROM runs ORDER BY started_at").rows
    assert [status for status, _, _ in runs_loaded] == ["completed", "completed"]
    assert runs_loaded[0][2] <= runs_loaded[1][1]  # the second began once the first had finished
    assert run_query(warehouse, "SELECT count(*) FROM articles").rows == [(6,)]
    assert not lock_path_for(warehouse).read_text(encoding="utf-8")  # released, holder cleared


def test_a_run_that_cannot_get_the_warehouse_in_time_says_who_holds_it(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    heard = []
    with writer_lock(warehouse, "holder-run", timeout_seconds=5):
        with pytest.raises(WarehouseBusy, match="still being written by run holder-run"):
            with writer_lock(warehouse, "late-run", timeout_seconds=0.6, on_wait=heard.append):
                pass
    assert len(heard) == 1 and "waiting for run holder-run (pid" in heard[0]
    with writer_lock(warehouse, "late-run", timeout_seconds=0):  # free again
        pass


def test_a_run_that_reads_nothing_exits_non_zero_and_says_why(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "broken.txt").symlink_to(tmp_path / "gone.txt")
    warehouse = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["run", str(folder), str(tmp_path / "missing.txt"), "--warehouse", str(warehouse),
                                      "--no-export"])
    assert result.exit_code == 1
    assert "no article was read" in result.stderr
    assert run_query(warehouse, "SELECT status, n_inputs, n_quarantined FROM runs").rows == [("nothing_read", 3, 3)]
    assert sorted(r[0] for r in run_query(warehouse, "SELECT error_kind FROM ingest_errors").rows) == [
        "broken_link", "not_found", "symlink_loop"]


def test_a_publication_date_in_the_future_is_refused_by_the_cli(tmp_path):
    result = CliRunner().invoke(app, ["run", str(SEED_ARTICLE), "--published-at", "2999-01-01",
                                      "--warehouse", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2 and "in the future" in result.stderr
    assert not (tmp_path / "w.duckdb").exists()


def test_exports_follow_every_table_and_hold_the_final_run_status(tmp_path):
    import polars as pl

    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        shutil.copy(SEED_ARTICLE, folder / "seed.txt")  # the same text at a second path: one more input row
    warehouse = tmp_path / "w.duckdb"
    etl(inputs=[str(first)], warehouse=str(warehouse))
    summary = etl(inputs=[str(second)], warehouse=str(warehouse))
    exports = tmp_path / "exports"
    assert summary.counts.n_articles_existing == 1 and summary.export_error is None
    assert pl.read_parquet(exports / "article_inputs.parquet").height == 2
    assert pl.read_parquet(exports / "runs.parquet")["status"].to_list() == ["completed", "completed"]


def test_export_errors_are_one_line_and_leave_nothing_behind(tmp_path):
    runner = CliRunner()
    not_duckdb = tmp_path / "notes.duckdb"
    not_duckdb.write_text("not a database", encoding="utf-8")
    result = runner.invoke(app, ["export", "--warehouse", str(not_duckdb), "--to", str(tmp_path / "out")])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "not a valid DuckDB" in result.stderr
    assert not (tmp_path / "out").exists()
    a_file = tmp_path / "a_file"
    a_file.write_text("", encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    etl(inputs=[str(SEED_ARTICLE)], warehouse=str(warehouse), export=False)
    result = runner.invoke(app, ["export", "--warehouse", str(warehouse), "--to", str(a_file)])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "is a file, not a folder" in result.stderr


def test_a_text_repeated_across_chunks_is_counted_new_once(tmp_path, monkeypatch):
    """A long JSONL had reported 5 new articles while the table held 3: a text repeated after its
    first batch had been sent counted as new again."""
    monkeypatch.setenv("WIREHOUSE_BATCH_SIZE", "2")  # chunks of 32 inputs: the repeats span many
    texts = [f"The council of town {name} met on Tuesday to agree a budget for its schools."
             for name in ("Alpha", "Beta", "Gamma")]
    source = tmp_path / "repeated.jsonl"
    source.write_text("".join(json.dumps({"id": f"r{n}", "text": texts[n % 3]}) + "\n" for n in range(150)),
                      encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    summary = etl(inputs=[str(source)], warehouse=str(warehouse), export=False)
    assert (summary.counts.n_articles_new, summary.counts.n_duplicates) == (3, 147)
    assert run_query(warehouse, "SELECT count(*) FROM articles").rows == [(3,)]
    assert run_query(warehouse, "SELECT count(*) FROM article_inputs").rows == [(150,)]


def test_a_link_out_of_the_inputs_is_reported_not_read_unless_asked(tmp_path):
    """A link `x.txt -> /etc/passwd` in an input folder had loaded the password file."""
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEED_ARTICLE, inbox / "seed.txt")
    (inbox / "x.txt").symlink_to(secret)
    warehouse = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["run", str(inbox), "-w", str(warehouse), "--no-export"])
    assert result.exit_code == 0, result.output
    assert run_query(warehouse, "SELECT count(*) FROM articles WHERE raw_text LIKE 'root:%'").rows == [(0,)]
    assert run_query(warehouse, "SELECT error_kind, source_uri FROM ingest_errors").rows == [
        ("link_outside_inputs", str(inbox / "x.txt"))]
    followed = CliRunner().invoke(app, ["run", str(inbox), "-w", str(warehouse), "--no-export", "--follow-links"])
    assert followed.exit_code == 0, followed.output
    assert run_query(warehouse, "SELECT count(*) FROM articles WHERE raw_text LIKE 'root:%'").rows == [(1,)]


@pytest.fixture
def small_file_system(tmp_path):
    """A tmpfs of a chosen size, mounted under tmp_path (needs root and a kernel that lets this
    process mount); yields a function that mounts it and returns its folder."""
    mounted = []

    def mount(size_bytes: int) -> Path:
        folder = tmp_path / "small"
        folder.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_bytes}", "tmpfs", str(folder)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a small tmpfs here ({done.stderr.strip() or 'mount failed'}); "
                        "the injected-fault test covers the same path")
        mounted.append(folder)
        return folder

    yield mount
    for folder in mounted:
        subprocess.run(["umount", str(folder)], capture_output=True)


def run_cli_process(*arguments: str) -> subprocess.CompletedProcess:
    """`wirehouse run` in its own process, as a user runs it (Prefect's console included)."""
    from prefect.settings import PREFECT_API_URL

    environment = os.environ | {"PREFECT_API_URL": PREFECT_API_URL.value(), "WIREHOUSE_TASK_RUNNER": "threads"}
    environment.pop("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", None)
    return subprocess.run([sys.executable, "-m", "flows", "run", *arguments], cwd=PROJECT_ROOT, env=environment,
                          capture_output=True, text=True, timeout=300)


def test_a_full_disk_is_said_in_one_line_recorded_in_runs_and_loads_nothing_half(tmp_path, small_file_system):
    """A full disk had printed 88 lines of Prefect traceback ending in "cannot rollback - no
    transaction is active", and left the run 'running'."""
    empty = tmp_path / "empty.duckdb"
    prepare_warehouse(empty)
    # room for the migrated warehouse and the run's reserve, not for a batch of 25 articles
    folder = small_file_system(empty.stat().st_size + RESERVE_BYTES + 256 * 1024)
    warehouse = folder / "w.duckdb"
    done = run_cli_process(str(PROJECT_ROOT / "seeds" / "articles"), "--warehouse", str(warehouse), "--no-export")
    failure = [line for line in done.stderr.splitlines() if "wirehouse found" not in line]
    assert done.returncode == 1 and len(failure) == 1, done.stderr
    assert failure[0].startswith("run failed: the disk is full") and "No space left on device" in failure[0]
    (status, message), = run_query(warehouse, "SELECT status, error_message FROM runs").rows
    assert status == "failed" and "No space left on device" in message
    assert run_query(warehouse, "SELECT count(*) FROM articles").rows == [(0,)]  # the batch rolled back whole
    assert not reserve_path_for(warehouse).exists()  # the room set aside was given back


def test_a_read_only_folder_is_said_in_one_line_and_changes_nothing(tmp_path, small_file_system):
    folder = small_file_system(64 * 1024 * 1024)
    warehouse = folder / "w.duckdb"
    assert run_cli_process(str(SEED_ARTICLE), "--warehouse", str(warehouse), "--no-export").returncode == 0
    before = warehouse.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    done = run_cli_process(str(PROJECT_ROOT / "seeds" / "articles"), "--warehouse", str(warehouse), "--no-export")
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith(f"run failed: cannot write {warehouse}.lock: Read-only file system")
    assert warehouse.read_bytes() == before
    assert run_query(warehouse, "SELECT status FROM runs").rows == [("completed",)]


def test_a_full_disk_at_the_links_is_recorded_with_its_cause(tmp_path, monkeypatch):
    """The same path on any machine: DuckDB's full-disk error injected at the linking write."""
    import duckdb

    import warehouse.linking

    def disk_full(*args, **kwargs):
        raise duckdb.IOException(f'Could not write file "{tmp_path}/w.duckdb.wal": No space left on device')

    monkeypatch.setattr(warehouse.linking, "_relink", disk_full)
    warehouse_path = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["run", str(SEED_ARTICLE), "-w", str(warehouse_path), "--no-export"])
    failure = [line for line in result.stderr.splitlines() if " wirehouse " not in line]  # progress lines
    assert result.exit_code == 1 and len(failure) == 1, result.stderr
    assert failure[0].startswith("run failed: the disk is full (No space left on device)")
    (status, message), = run_query(warehouse_path, "SELECT status, error_message FROM runs").rows
    assert status == "failed" and message.startswith("IOException: Could not write file")
    assert run_query(warehouse_path, "SELECT count(*) FROM articles").rows == [(1,)]  # the committed batch stays
    assert not reserve_path_for(warehouse_path).exists()


def test_exports_of_a_failed_run_hold_its_failed_row_and_say_which_run_they_reflect(tmp_path, monkeypatch):
    """A failed run had left runs.parquet without its 'failed' row."""
    import polars as pl

    import warehouse.linking

    def broken_linking(*args, **kwargs):
        raise RuntimeError("a linking bug")

    warehouse_path = tmp_path / "w.duckdb"
    etl(inputs=[str(SEED_ARTICLE)], warehouse=str(warehouse_path))
    monkeypatch.setattr(warehouse.linking, "_relink", broken_linking)
    with pytest.raises(RuntimeError, match="a linking bug"):
        etl(inputs=[str(FIXTURES_DIR / "articles" / "ap_style.txt")], warehouse=str(warehouse_path))
    exports = tmp_path / "exports"
    assert pl.read_parquet(exports / "runs.parquet").sort("started_at")["status"].to_list() == ["completed", "failed"]
    manifest = export_manifest(exports)
    (failed_run,) = run_query(warehouse_path, "SELECT run_id FROM runs WHERE status = 'failed'").rows
    assert (manifest["run_id"], manifest["run_status"]) == (failed_run[0], "failed")
    assert set(manifest["tables"]) >= {"articles", "runs", "events"} and manifest["exported_at"]


def test_exports_left_behind_by_a_killed_run_are_refreshed_before_the_next_run(tmp_path, nlp, extraction_rules):
    """After a run killed mid-way the exports had stayed those of the last good run."""
    import polars as pl

    from flows.tasks import refresh_lagging_exports
    from ingest.records import Document, InputMetadata
    from extract.components import EXTRACTOR_VERSIONS
    from extract.batch import extract_batch
    from warehouse.load import load_batch
    from warehouse.runs import start_run

    warehouse_path, exports = tmp_path / "w.duckdb", tmp_path / "exports"
    etl(inputs=[str(SEED_ARTICLE)], warehouse=str(warehouse_path))
    # what a killed run leaves: its row 'running' and one committed batch, no export
    text = (FIXTURES_DIR / "articles" / "ap_style.txt").read_text(encoding="utf-8")
    document = Document(article_id_for(text), "ap_style.txt", text, InputMetadata())
    start_run(warehouse_path, "killed-run", None, ["ap_style.txt"], "model", "1", EXTRACTOR_VERSIONS)
    load_batch(warehouse_path, "killed-run", extract_batch([document], nlp, extraction_rules),
               [(document.article_id, document.source_uri)], [], EXTRACTOR_VERSIONS)
    assert exports_lag(warehouse_path, exports)
    assert pl.read_parquet(exports / "articles").height == 1
    refresh_lagging_exports(warehouse_path, exports)
    assert pl.read_parquet(exports / "articles").height == 2
    assert (export_manifest(exports)["run_id"], export_manifest(exports)["run_status"]) == ("killed-run", "running")
    assert not exports_lag(warehouse_path, exports)
