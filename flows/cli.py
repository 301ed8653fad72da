"""The `wirehouse` command: run the flow, query the warehouse, export Parquet."""

from __future__ import annotations

import csv
import dataclasses
import json
import errno
import logging
import os
import sys
from datetime import date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from flows.settings import Settings

app = typer.Typer(help="wirehouse: raw news articles to a DuckDB warehouse.", no_args_is_help=True,
                  pretty_exceptions_show_locals=False,
                  add_completion=False)
console = Console()
error_console = Console(stderr=True)

WarehouseOption = Annotated[
    Optional[Path], typer.Option("--warehouse", "-w", help="DuckDB file (default: warehouse/wirehouse.duckdb)")
]


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


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


def _warehouse_path(warehouse: Path | None) -> Path:
    return warehouse if warehouse is not None else Settings().warehouse_path


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(help=".txt, .html or .jsonl files, .warc(.gz) archives, or directories of them (recursive)")],
    warehouse: WarehouseOption = None,
    published_at: Annotated[
        Optional[datetime],
        typer.Option(formats=["%Y-%m-%d"], help="publication date for articles whose input gives none (YYYY-MM-DD)"),
    ] = None,
    export: Annotated[bool, typer.Option(help="write Parquet exports after loading")] = True,
    summary_json: Annotated[Optional[Path], typer.Option(help="also write the run summary here, as JSON")] = None,
    follow_links: Annotated[bool, typer.Option("--follow-links", help="read links in input folders that lead "
                                               "outside the inputs (reported and not read by default)")] = False,
) -> None:
    """Load articles into the warehouse (skipping those already loaded) and print a summary."""
    if published_at is not None and published_at > datetime.now() + timedelta(days=1):
        error_console.print(f"[red]error:[/red] --published-at {published_at:%Y-%m-%d} is in the future")
        raise typer.Exit(2)
    from flows.etl import etl_for  # imported here: Prefect is slow to import and `sql` needs none of it

    quiet_prefect_console()

    progress_log = logging.getLogger("wirehouse.progress")
    progress_log.setLevel(logging.INFO)
    progress_log.propagate = False
    progress = None
    if sys.stderr.isatty():
        progress = Progress(TextColumn("[bold]loading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            console=error_console, transient=True)
        progress_log.addHandler(ProgressHandler(progress))
        progress.start()
    else:
        plain = logging.StreamHandler(sys.stderr)
        plain.setFormatter(logging.Formatter("%(asctime)s wirehouse %(message)s"))
        progress_log.addHandler(plain)
    try:
        summary = etl_for(Settings())(inputs=[str(p) for p in inputs], warehouse=str(warehouse) if warehouse else None,
                      published_at=published_at.date() if published_at else None, export=export,
                      follow_links=follow_links)
    except Exception as error:
        error_console.print(f"[red]run failed:[/red] {_shown(run_failure(error))}", soft_wrap=True, highlight=False)
        raise typer.Exit(1) from None
    finally:
        if progress is not None:
            progress.stop()
        progress_log.handlers.clear()
    if summary_json is not None:
        summary_json.write_text(json.dumps(dataclasses.asdict(summary), indent=2), encoding="utf-8")
    counts = summary.counts
    table = Table(title=f"run {summary.run_id}: {summary.status}", show_header=False)
    table.add_row("articles loaded", f"{counts.n_articles_new:,}")
    table.add_row("already in the warehouse", f"{counts.n_articles_existing:,}")
    table.add_row("re-extracted (an extractor changed)", f"{counts.n_articles_reextracted:,}")
    table.add_row("duplicates in this run", f"{counts.n_duplicates:,}")
    table.add_row("in another language (no extractors)", f"{counts.n_articles_other_language:,}")
    table.add_row("WARC records skipped (not an HTML page)", f"{counts.n_records_skipped:,}")
    table.add_row("quarantined (ingest_errors)", f"{counts.n_quarantined:,}")
    table.add_row("entity mentions", f"{counts.n_entity_mentions:,}")
    table.add_row("quotes / article sources", f"{counts.n_quotes:,} / {counts.n_article_sources:,}")
    table.add_row("events", f"{counts.n_events:,}")
    table.add_row("time taken", f"{summary.seconds:.1f} s")
    table.add_row("busy seconds by stage", ", ".join(f"{name} {seconds:.1f}"
                                                       for name, seconds in summary.stage_seconds.items()))
    table.add_row("warehouse", summary.warehouse_path)
    table.add_row("exports", summary.export_dir or "(not written)")
    console.print(table)
    if summary.failed_checks:
        error_console.print(f"[red]failed checks: {summary.failed_checks}[/red]")
        raise typer.Exit(1)
    if summary.export_error:
        error_console.print(f"[red]error:[/red] the run is loaded, but its Parquet exports could not be written: "
                            f"{summary.export_error} (retry with `wirehouse export`)", soft_wrap=True, highlight=False)
        raise typer.Exit(1)
    if summary.status == "nothing_read":
        error_console.print("[red]error:[/red] no article was read: every input is missing or quarantined "
                            "(see ingest_errors), or none was given", soft_wrap=True)
        raise typer.Exit(1)


@app.command()
def sql(
    query: Annotated[Optional[str], typer.Argument(help="SQL to run read-only, e.g. \"select title from articles\"")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", help="run the query in this .sql file (e.g. sql/analysis/...)")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="value bound to $1, $2, ... in order")] = None,
    warehouse: WarehouseOption = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="table, csv or json")] = OutputFormat.table,
) -> None:
    """Run read-only queries (text or --file) on the warehouse alone and print every result.

    Only queries run (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); the connection can open
    no other file, attach no database, load no extension and change no setting."""
    import duckdb

    from warehouse.query import QueryRefused, run_queries
    from warehouse.readers import WarehouseBusyReading

    if (query is None) == (file is None):
        error_console.print("[red]error:[/red] give a QUERY or --file, not both")
        raise typer.Exit(2)
    try:
        text = query if query is not None else _query_file_text(file)
        results = run_queries(_warehouse_path(warehouse), text, list(param or []), Settings().read_wait_seconds,
                              on_wait=_say_waiting)
    except duckdb.ParserException as error:
        if file is not None:
            error_console.print(f"[red]error:[/red] {_shown(str(file))} does not parse as SQL (its text is not "
                                "shown)", soft_wrap=True, highlight=False)
            raise typer.Exit(1) from None
        error_console.print(f"[red]error:[/red] {_shown(_one_line(error))}", soft_wrap=True, highlight=False)
        raise typer.Exit(1) from None
    except (duckdb.Error, OSError, QueryRefused, WarehouseBusyReading) as error:
        error_console.print(f"[red]error:[/red] {_shown(_one_line(error))}", soft_wrap=True, highlight=False)
        raise typer.Exit(1) from None
    if output_format is OutputFormat.json:
        records = [[dict(zip(r.columns, row, strict=True)) for row in r.rows] for r in results]
        shown = records[0] if len(records) == 1 else [{"statement": r.statement, "rows": rows}
                                                       for r, rows in zip(results, records, strict=True)]
        sys.stdout.write(json.dumps(shown, default=_json_value, ensure_ascii=False, indent=2) + "\n")
        return
    for number, result in enumerate(results):
        if output_format is OutputFormat.csv:
            if number:
                sys.stdout.write("\n")
            writer = csv.writer(sys.stdout)
            writer.writerow(result.columns)
            writer.writerows(result.rows)
            continue
        if len(results) > 1:
            console.print(_shown(result.statement), style="bold", soft_wrap=True, highlight=False)
        table = Table(*(_shown(column) for column in result.columns), highlight=False)
        for row in result.rows:
            table.add_row(*("" if value is None else _shown(str(value)) for value in row))
        console.print(table)


def _say_waiting(message: str) -> None:
    """A reader waiting for a run's batch says so once, on stderr."""
    error_console.print(_shown(message), soft_wrap=True, highlight=False)


def _query_file_text(file: Path) -> str:
    """The text of a .sql file; any other file is refused unread, so its content is never shown."""
    from warehouse.query import QueryRefused

    if file.suffix.lower() != ".sql":
        raise QueryRefused(f"--file takes a .sql file; {file} is not one")
    try:
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise QueryRefused(f"{file} is not UTF-8 text") from None


# Control characters (C0 but tab and newline, DEL, C1) shown as \xNN in the terminal table: an
# ESC in the data must not drive the terminal. CSV and JSON keep every value byte-exact.
_CONTROLS = {code: f"\\x{code:02x}" for code in (*range(0x00, 0x20), *range(0x7F, 0xA0))
             if code not in (0x09, 0x0A)}


def _shown(text: str) -> str:
    """A value as plain text in a Rich table: "[/bold]" or "[link=...]" printed as written."""
    return escape(text.translate(_CONTROLS))


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

    message = f"{type(error).__name__}: {_one_line(error)}"
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


def _one_line(error: BaseException) -> str:
    """An error's message on one line (DuckDB adds the query with a caret below it)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


def _json_value(value: object) -> object:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


@app.command("export")
def export_command(
    warehouse: WarehouseOption = None,
    to: Annotated[Optional[Path], typer.Option("--to", help="directory (default: exports/ beside the warehouse)")] = None,
) -> None:
    """Write every table as Parquet (zstd); articles partitioned by publication year-month."""
    import duckdb

    from warehouse.export import ExportRefused, export_tables
    from warehouse.readers import WarehouseBusyReading, read_when_free

    warehouse_path = _warehouse_path(warehouse)
    target = to or Settings().exports_for(warehouse_path)
    try:
        written = read_when_free(warehouse_path, lambda: export_tables(warehouse_path, target),
                                 Settings().read_wait_seconds, _say_waiting)
    except ExportRefused as refused:
        error_console.print(f"[red]error:[/red] not exporting: {escape(str(refused))}; choose another --to",
                            soft_wrap=True, highlight=False)
        raise typer.Exit(1) from None
    except (duckdb.Error, OSError, WarehouseBusyReading) as error:
        error_console.print(f"[red]error:[/red] cannot export {warehouse_path} to {target}: {_one_line(error)}",
                            soft_wrap=True, highlight=False)
        raise typer.Exit(1) from None
    for table, path in written.items():
        console.print(f"{table}: {path}")


@app.command("report")
def report_command(
    warehouse: WarehouseOption = None,
    to: Annotated[Optional[Path], typer.Option("--to", help="HTML file (default: report.html beside the warehouse)")] = None,
) -> None:
    """Write one self-contained HTML report (map, timeline, sources, statements, quote search)."""
    import time

    import duckdb

    from report.page import ReportRefused, render_report, write_report
    from warehouse.readers import WarehouseBusyReading, read_when_free
    from warehouse.report import report_data

    warehouse_path = _warehouse_path(warehouse)
    target = to or warehouse_path.with_name("report.html")
    started = time.perf_counter()
    if not warehouse_path.exists():
        error_console.print(f"[red]error:[/red] no warehouse at {warehouse_path}: run `wirehouse run` first",
                            soft_wrap=True, highlight=False)
        raise typer.Exit(1)
    try:
        data = read_when_free(warehouse_path, lambda: report_data(warehouse_path), Settings().read_wait_seconds,
                              _say_waiting)
        write_report(render_report(data), target, warehouse_path)
    except ReportRefused as refused:
        error_console.print(f"[red]error:[/red] not writing the report: {escape(str(refused))}; choose another --to",
                            soft_wrap=True, highlight=False)
        raise typer.Exit(1) from None
    except duckdb.CatalogException as error:
        error_console.print(f"[red]error:[/red] {warehouse_path} lacks the report's views ({_one_line(error)}): "
                            "a `wirehouse run` brings it up to date", soft_wrap=True, highlight=False)
        raise typer.Exit(1) from None
    except (duckdb.Error, OSError, WarehouseBusyReading) as error:
        error_console.print(f"[red]error:[/red] cannot write the report of {warehouse_path} to {target}: "
                            f"{_one_line(error)}", soft_wrap=True, highlight=False)
        raise typer.Exit(1) from None
    size_mb = target.stat().st_size / 1e6
    console.print(f"report: {target} ({size_mb:.1f} MB, {time.perf_counter() - started:.1f} s)")


from flows.cli_eval import eval_app  # noqa: E402  (the eval commands, in their own module)

app.add_typer(eval_app, name="eval")


@app.command("serve")
def serve_command(
    inbox: Annotated[Optional[Path], typer.Option(help="directory to load from (default: inbox/)")] = None,
    cron: Annotated[Optional[str], typer.Option(help="cron schedule (default: hourly, \"0 * * * *\")")] = None,
    warehouse: WarehouseOption = None,
    port: Annotated[int, typer.Option(help="port of the local Prefect server")] = 4200,
) -> None:
    """Start a local Prefect server and load the inbox on a schedule until interrupted."""
    from flows.serve import serve

    settings = Settings()
    serve(inbox or settings.inbox_dir, cron or settings.schedule_cron, port=port, warehouse=warehouse)


if __name__ == "__main__":
    app()
