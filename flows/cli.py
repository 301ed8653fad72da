"""The `wirehouse` command: run the flow, query the warehouse, export Parquet."""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from datetime import date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from flows.run_output import (
    RunSummary,
    one_line,
    progress_reporting,
    quiet_prefect_console,
    run_failure,
    run_problem,
    summary_table,
)
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
    try:
        summary = _run_flow_unless_unchanged([str(p) for p in inputs], warehouse, published_at, export, follow_links)
    except Exception as error:
        error_console.print(f"[red]run failed:[/red] {_shown(run_failure(error))}", soft_wrap=True, highlight=False)
        raise typer.Exit(1) from None
    if summary_json is not None:
        summary_json.write_text(json.dumps(dataclasses.asdict(summary), indent=2), encoding="utf-8")
    console.print(summary_table(summary))
    problem = run_problem(summary)
    if problem is not None:
        error_console.print(f"[red]error:[/red] {_shown(problem)}", soft_wrap=True, highlight=False)
        raise typer.Exit(1)


def _run_flow_unless_unchanged(inputs: list[str], warehouse: Path | None, published_at: datetime | None,
                               export: bool, follow_links: bool) -> RunSummary:
    """A run with nothing to read is recorded without Prefect (flows.unchanged); any other
    goes through the flow."""
    from flows.unchanged import unchanged_run

    settings = Settings()
    summary = unchanged_run(settings, inputs, warehouse, export, follow_links)
    if summary is not None:
        return summary
    from flows.etl import etl_for  # imported here: Prefect is slow to import and `sql` needs none of it

    quiet_prefect_console()
    with progress_reporting(error_console):
        return etl_for(settings)(inputs=inputs, published_at=published_at.date() if published_at else None,
                                 warehouse=str(warehouse) if warehouse else None, export=export,
                                 follow_links=follow_links)


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
    no other file, attach no database, load no extension and change no setting. (Long because
    Typer reads its five options from the signature.)"""
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
        error_console.print(f"[red]error:[/red] {_shown(one_line(error))}", soft_wrap=True, highlight=False)
        raise typer.Exit(1) from None
    except (duckdb.Error, OSError, QueryRefused, WarehouseBusyReading) as error:
        error_console.print(f"[red]error:[/red] {_shown(one_line(error))}", soft_wrap=True, highlight=False)
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
        error_console.print(f"[red]error:[/red] cannot export {warehouse_path} to {target}: {one_line(error)}",
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
    from warehouse.report_data import report_data

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
        error_console.print(f"[red]error:[/red] {warehouse_path} lacks the report's views ({one_line(error)}): "
                            "a `wirehouse run` brings it up to date", soft_wrap=True, highlight=False)
        raise typer.Exit(1) from None
    except (duckdb.Error, OSError, WarehouseBusyReading) as error:
        error_console.print(f"[red]error:[/red] cannot write the report of {warehouse_path} to {target}: "
                            f"{one_line(error)}", soft_wrap=True, highlight=False)
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
