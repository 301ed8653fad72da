"""What `wirehouse run` shows: progress while it runs, a summary table after, and why it failed
or what went wrong, each in one line."""

from __future__ import annotations

import errno
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from warehouse.runs import RunCounts

PROGRESS_LOG = "wirehouse.progress"


@dataclass(frozen=True)
class RunSummary:
    """What the CLI prints after a run."""

    run_id: str
    status: str
    counts: RunCounts
    seconds: float
    warehouse_path: str
    export_dir: str | None
    failed_checks: dict[str, int] = field(default_factory=dict)
    # busy seconds per stage: ingest, load, finish (views, checks) and export in the flow's
    # process; layout, parse, extract and stage summed over the workers, which run in parallel
    stage_seconds: dict[str, float] = field(default_factory=dict)
    export_error: str | None = None  # the exports could not be written (the run itself is loaded)


class ProgressHandler(logging.Handler):
    """Turns the flow's progress log records into a rich progress bar."""

    def __init__(self, progress: Progress):
        super().__init__()
        self.progress = progress
        self.task_id = progress.add_task("articles", total=None)

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:  # waiting for another run, a run that could not be recorded
            self.progress.console.print(record.getMessage(), style="yellow", soft_wrap=True, highlight=False)
        if hasattr(record, "total"):
            self.progress.update(self.task_id, total=record.total)
        if hasattr(record, "advance"):
            self.progress.advance(self.task_id, record.advance)


@contextmanager
def progress_reporting(console: Console) -> Iterator[None]:
    """The flow's progress log as a progress bar on a terminal, else as dated lines on stderr."""
    progress_log = logging.getLogger(PROGRESS_LOG)
    progress_log.setLevel(logging.INFO)
    progress_log.propagate = False
    progress = None
    if sys.stderr.isatty():
        progress = Progress(TextColumn("[bold]loading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            console=console, transient=True)
        progress_log.addHandler(ProgressHandler(progress))
        progress.start()
    else:
        plain = logging.StreamHandler(sys.stderr)
        plain.setFormatter(logging.Formatter("%(asctime)s wirehouse %(message)s"))
        progress_log.addHandler(plain)
    try:
        yield
    finally:
        if progress is not None:
            progress.stop()
        progress_log.handlers.clear()


def summary_table(summary: RunSummary) -> Table:
    """The run's counts, time and places, as the CLI prints them."""
    counts = summary.counts
    table = Table(title=f"run {summary.run_id}: {summary.status}", show_header=False)
    for label, value in [
        ("articles loaded", f"{counts.n_articles_new:,}"),
        ("already in the warehouse", f"{counts.n_articles_existing:,}"),
        ("files unchanged since last read (not read)", f"{counts.n_files_unchanged:,}"),
        ("re-extracted (an extractor changed)", f"{counts.n_articles_reextracted:,}"),
        ("duplicates in this run", f"{counts.n_duplicates:,}"),
        ("in another language (no extractors)", f"{counts.n_articles_other_language:,}"),
        ("WARC records skipped (not an HTML page)", f"{counts.n_records_skipped:,}"),
        ("quarantined (ingest_errors)", f"{counts.n_quarantined:,}"),
        ("entity mentions", f"{counts.n_entity_mentions:,}"),
        ("quotes / article sources", f"{counts.n_quotes:,} / {counts.n_article_sources:,}"),
        ("events", f"{counts.n_events:,}"),
        ("time taken", f"{summary.seconds:.1f} s"),
        ("busy seconds by stage", ", ".join(f"{name} {seconds:.1f}" for name, seconds in summary.stage_seconds.items())),
        ("warehouse", summary.warehouse_path),
        ("exports", summary.export_dir or "(not written)"),
    ]:
        table.add_row(label, value)
    return table


def run_problem(summary: RunSummary) -> str | None:
    """What makes a finished run exit non-zero, in one line, or None."""
    if summary.failed_checks:
        return f"failed checks: {summary.failed_checks}"
    if summary.export_error:
        return (f"the run is loaded, but its Parquet exports could not be written: {summary.export_error} "
                "(retry with `wirehouse export`)")
    if summary.status == "nothing_read":
        return "no article was read: every input is missing or quarantined (see ingest_errors), or none was given"
    return None


def quiet_prefect_console() -> None:
    """A failed run is said in one line, with its cause; Prefect's console would print the same
    failure again as a traceback of 80 lines (the Prefect UI keeps it). Its console handler is
    kept to CRITICAL unless PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL says otherwise (ERROR shows
    the tracebacks), whether Prefect has set up its logging yet or not."""
    level = os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")
    from prefect.logging.handlers import PrefectConsoleHandler

    loggers = [logging.getLogger(), *(logging.getLogger(name) for name in logging.root.manager.loggerDict
                                      if name.startswith("prefect"))]
    for logger in loggers:
        for handler in logger.handlers:
            if isinstance(handler, PrefectConsoleHandler):
                handler.setLevel(level)


def run_failure(error: BaseException) -> str:
    """Why a run failed, in one line: the cause a full disk or a read-only folder hides under
    DuckDB's or Prefect's wording comes first."""
    from warehouse.space import is_disk_full

    message = f"{type(error).__name__}: {one_line(error)}"
    if is_disk_full(error):
        return f"the disk is full (No space left on device); the warehouse keeps the batches committed before. {message}"
    refused = _file_system_refusal(error)
    if refused is not None:
        return f"cannot write {refused.filename}: {refused.strerror}; nothing more was written to the warehouse"
    return message


def _file_system_refusal(error: BaseException | None) -> OSError | None:
    """The read-only file system or missing permission behind `error`, if that is its cause."""
    while error is not None:
        if isinstance(error, OSError) and error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return error
        error = error.__cause__ or error.__context__
    return None


def one_line(error: BaseException) -> str:
    """An error's message on one line (DuckDB adds the query with a caret below it)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


def error_summary(error: BaseException) -> str:
    """ "TypeName: first line of the message", as a run's summary keeps an export's failure."""
    first = next((line for line in str(error).splitlines() if line.strip()), "")
    return f"{type(error).__name__}: {first}"
