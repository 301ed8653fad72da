"""What the offline report shows, read from the views of sql/views by the queries of sql/report.

Everything is aggregated in SQL and capped, so that the report of 100,000 articles stays a few
megabytes: every incident with coordinates is a map point, but only the REPORT_LIMITS most
reported incidents, statements and quotes carry the rows behind them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.connection import open_warehouse
from warehouse.sql_files import sql_text


@dataclass(frozen=True)
class ReportLimits:
    incidents: int = 2_000  # incidents whose reports the page can open
    reports_per_incident: int = 12
    statements: int = 60
    quotes_per_statement: int = 12
    sources: int = 15
    outlets: int = 10
    quotes_per_cell: int = 8
    first_reporters: int = 15
    searchable_quotes: int = 4_000


Columns = dict[str, list[Any]]


def report_data(path: Path, limits: ReportLimits = ReportLimits()) -> dict[str, Any]:
    """Every table the report draws, column-oriented (a list per column) and JSON-ready."""
    with open_warehouse(path, read_only=True) as connection:
        data: dict[str, Any] = {
            "summary": _rows(connection, "summary.sql")[0],
            "points": _columns(connection, "map_points.sql"),
            "countries": _columns(connection, "countries.sql"),
            "weeks": _columns(connection, "weekly_timeline.sql"),
            "incidents": _columns(connection, "incidents.sql", [limits.incidents]),
            "first_reporters": _columns(connection, "first_reporters.sql", [limits.first_reporters]),
            "sources": _columns(connection, "top_sources_by_publisher.sql", [limits.sources, limits.outlets]),
            "statements": _columns(connection, "repeated_statements.sql", [limits.statements]),
            "quotes": _columns(connection, "quote_search.sql", [limits.searchable_quotes]),
        }
        _register(connection, "staged_report_incidents", {"incident_id": data["incidents"]["incident_id"]})
        data["incident_rows"] = _columns(connection, "incident_rows.sql", [limits.reports_per_incident])
        _register(connection, "staged_report_statements", {"statement_id": data["statements"]["statement_id"]})
        data["statement_rows"] = _columns(connection, "statement_rows.sql", [limits.quotes_per_statement])
        _register(connection, "staged_report_cells", {"source_id": data["sources"]["source_id"],
                                                      "outlet": data["sources"]["outlet"]})
        data["source_rows"] = _columns(connection, "source_quote_rows.sql", [limits.quotes_per_cell])
    data["limits"] = vars(limits)
    return data


def _register(connection: duckdb.DuckDBPyConnection, name: str, columns: Columns) -> None:
    connection.register(name, pa.table({key: pa.array(values, pa.string()) for key, values in columns.items()}))


def _columns(connection: duckdb.DuckDBPyConnection, name: str, parameters: list | None = None) -> Columns:
    result = connection.execute(sql_text(f"report/{name}"), parameters or [])
    names = [column[0] for column in result.description]
    rows = result.fetchall()
    return {column: [_plain(row[i]) for row in rows] for i, column in enumerate(names)}


def _rows(connection: duckdb.DuckDBPyConnection, name: str) -> list[dict[str, Any]]:
    columns = _columns(connection, name)
    return [dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)]


def _plain(value: Any) -> Any:
    """Days and times as ISO text (minutes are enough); everything else as DuckDB gives it."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return value
