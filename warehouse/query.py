"""Read-only SQL for analysts: queries in, column names and rows out.

The connection is read-only and locked down before the first statement runs: no file, network
or extension outside the warehouse (DuckDB's `enable_external_access = false`), and settings
locked, so `COPY ... TO`, `ATTACH`, `EXPORT DATABASE`, `INSTALL`, `read_text('/etc/passwd')` or
`SET` cannot reach past the warehouse. Statements other than queries are refused before
anything runs, with one line that says why."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from warehouse.connection import open_warehouse

# What `wirehouse sql` runs: queries (SELECT, also DESCRIBE, SHOW, SUMMARIZE and PRAGMA
# show_tables, which DuckDB parses as SELECT), EXPLAIN, and CALL of table functions.
QUERY_STATEMENTS = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN,
                              duckdb.StatementType.CALL, duckdb.StatementType.PRAGMA})


class QueryRefused(ValueError):
    """A statement `wirehouse sql` does not run; the message is one line for the user."""


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    statement: str = ""


def read_only_statements(text: str, parameters: list[Any] | None = None) -> list[duckdb.Statement]:
    """The statements of `text`, or QueryRefused naming the first that is not a query."""
    statements = duckdb.extract_statements(text)
    if not statements:
        raise QueryRefused("no SQL statement given")
    for statement in statements:
        if statement.type not in QUERY_STATEMENTS:
            words = statement.query.split()
            kind = words[0].upper() if words else statement.type.name
            raise QueryRefused(f"{kind} refused: wirehouse sql runs read-only queries (SELECT, DESCRIBE, "
                               f"EXPLAIN, CALL); use `wirehouse export` for Parquet files")
    if parameters and len(statements) > 1:
        raise QueryRefused("parameters (--param) go with one statement, not several")
    return statements


@contextmanager
def locked_down(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the warehouse that can open no other file, attach no database,
    load or install no extension and change no setting."""
    with open_warehouse(path, read_only=True, bounded=False) as connection:
        connection.execute("SET enable_external_access = false")
        connection.execute("SET lock_configuration = true")
        yield connection


def run_queries(path: Path, text: str, parameters: list[Any] | None = None) -> list[QueryResult]:
    """Run every statement of `text` in order, read-only; one result per statement."""
    statements = read_only_statements(text, parameters)
    results = []
    with locked_down(path) as connection:
        for statement in statements:
            cursor = connection.execute(statement, parameters or [])
            columns = [column[0] for column in cursor.description] if cursor.description else []
            results.append(QueryResult(columns, cursor.fetchall(), statement.query.strip()))
    return results


def run_query(path: Path, query: str, parameters: list[Any] | None = None) -> QueryResult:
    """Run one query read-only: a statement that writes is refused."""
    results = run_queries(path, query, parameters)
    if len(results) != 1:
        raise QueryRefused(f"one statement expected, {len(results)} given")
    return results[0]
