"""What `wirehouse run` says: the cause of a failure, what makes a finished run exit non-zero,
and the summary table."""

import errno

import duckdb
from rich.console import Console

from flows.run_output import RunSummary
from flows.run_output import run_failure, run_problem, summary_table
from warehouse.runs import RunCounts


def summary(**changes) -> RunSummary:
    fields = {"run_id": "r1", "status": "completed", "counts": RunCounts(n_articles_new=3, n_quotes=2),
              "seconds": 1.5, "warehouse_path": "w.duckdb", "export_dir": None} | changes
    return RunSummary(**fields)


def test_a_failure_leads_with_its_real_cause():
    hidden = RuntimeError("cannot rollback - no transaction is active")
    hidden.__context__ = duckdb.TransactionException('Could not write file "w.wal": No space left on device')
    assert run_failure(hidden).startswith("the disk is full (No space left on device)")
    read_only = OSError(errno.EROFS, "Read-only file system", "/data/w.duckdb.lock")
    assert run_failure(read_only) == ("cannot write /data/w.duckdb.lock: Read-only file system; nothing more was "
                                      "written to the warehouse")
    assert run_failure(ValueError("first line\nsecond line")) == "ValueError: first line"


def test_a_finished_run_exits_non_zero_for_failed_checks_lost_exports_or_nothing_read():
    assert run_problem(summary()) is None
    assert run_problem(summary(failed_checks={"offsets_in_bounds": 2})) == "failed checks: {'offsets_in_bounds': 2}"
    assert "retry with `wirehouse export`" in run_problem(summary(export_error="OSError: full"))
    assert run_problem(summary(status="nothing_read")).startswith("no article was read")


def test_the_summary_table_shows_the_counts_and_where_things_went():
    console = Console(width=120, record=True)
    console.print(summary_table(summary(stage_seconds={"parse": 1.25})))
    shown = console.export_text()
    assert "run r1: completed" in shown and "articles loaded" in shown and "2 / 0" in shown
    assert "parse 1.2" in shown and "(not written)" in shown


def test_an_error_is_summed_up_by_its_type_and_first_line():
    from flows.run_output import error_summary

    assert error_summary(OSError("disk full\nLINE 1: COPY ...")) == "OSError: disk full"
    assert error_summary(ValueError()) == "ValueError: "
