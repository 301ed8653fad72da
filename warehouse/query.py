"""Read-only SQL for analysts: a query in, column names and rows out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warehouse.connection import open_warehouse


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def run_query(path: Path, query: str, parameters: list[Any] | None = None) -> QueryResult:
    """Run one query on a read-only connection: a statement that writes fails."""
    with open_warehouse(path, read_only=True) as connection:
        cursor = connection.execute(query, parameters or [])
        columns = [column[0] for column in cursor.description] if cursor.description else []
        return QueryResult(columns, cursor.fetchall())
