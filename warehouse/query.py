"""Read-only SQL for analysts: queries in, column names and rows out.

The connection is read-only and locked down before the first statement is even parsed: no file,
network or extension outside the warehouse (DuckDB's `enable_external_access = false`), no Python
variable read as a table, and settings locked, so `COPY ... TO`, `ATTACH`, `IMPORT DATABASE`,
`INSTALL`, `read_text('/etc/passwd')` or `SET` cannot reach past the warehouse. Parsing happens on
that connection too, because DuckDB expands some statements (IMPORT DATABASE reads files) while
parsing. Only queries run: SELECT (with WITH, DESCRIBE, SHOW, SUMMARIZE, VALUES) and EXPLAIN of
one; a query calling a function that acts on the process (`checkpoint()`, `enable_logging()`,
listed in seeds/sql_refused_functions.csv) is refused too, with one line that says why."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from seedrows import read_column
from warehouse.connection import open_warehouse
from warehouse.readers import read_when_free
from warehouse.sql_files import installed_data_dir, sql_text

# What `wirehouse sql` runs. DESCRIBE, SHOW, SUMMARIZE, VALUES and PRAGMA show_tables parse as
# SELECT; CALL, PRAGMA and CHECKPOINT do not, and are refused.
QUERY_STATEMENTS = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN})
REFUSAL = ("refused: wirehouse sql runs read-only queries (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, "
           "EXPLAIN); use `wirehouse export` for Parquet files")
# "EXPLAIN", "EXPLAIN ANALYZE" or "EXPLAIN (FORMAT json)" before the query it explains.
_EXPLAIN_PREFIX = re.compile(r"^\s*explain\s+(?:analy[sz]e\s+|\([^)]*\)\s*)?", re.IGNORECASE)


class QueryRefused(ValueError):
    """A statement `wirehouse sql` does not run; the message is one line for the user."""


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    statement: str = ""


@functools.lru_cache(maxsize=1)
def refused_functions() -> frozenset[str]:
    """Functions a query may not call: they act on the process or run SQL held in a string."""
    path = installed_data_dir("seeds") / "sql_refused_functions.csv"
    return frozenset(name.lower() for name in read_column(path, "name"))


def function_names(tree: Any) -> Iterator[str]:
    """Every function name in a parse tree of json_serialize_sql (scalar and table functions)."""
    if isinstance(tree, dict):
        name = tree.get("function_name")
        if isinstance(name, str):
            yield name.lower()
        for value in tree.values():
            yield from function_names(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from function_names(value)


def _first_word(statement: duckdb.Statement) -> str:
    words = statement.query.split()
    return words[0].upper() if words else statement.type.name


def check_query(connection: duckdb.DuckDBPyConnection, statement: duckdb.Statement) -> None:
    """QueryRefused unless `statement` is a query that calls no refused function."""
    if statement.type not in QUERY_STATEMENTS:
        raise QueryRefused(f"{_first_word(statement)} {REFUSAL}")
    query = statement.query
    if statement.type == duckdb.StatementType.EXPLAIN:
        query = _EXPLAIN_PREFIX.sub("", query, count=1)
    tree = json.loads(connection.execute(sql_text("query/serialize_statement.sql"), [query]).fetchone()[0])
    if tree.get("error"):
        raise QueryRefused(f"{_first_word(statement)} {REFUSAL}")
    called = sorted(set(function_names(tree)) & refused_functions())
    if called:
        raise QueryRefused(f"{called[0]}() refused: wirehouse sql runs queries that change nothing "
                           f"and run no SQL held in a string")


def read_only_statements(connection: duckdb.DuckDBPyConnection, text: str,
                         parameters: list[Any] | None = None) -> list[duckdb.Statement]:
    """The statements of `text`, parsed on the locked-down `connection`, or QueryRefused naming
    the first that is not a query."""
    try:
        statements = connection.extract_statements(text)
    except duckdb.PermissionException:
        words = text.split()
        kind = words[0].upper() if words else "statement"
        raise QueryRefused(f"{kind} {REFUSAL}") from None
    if not statements:
        raise QueryRefused("no SQL statement given")
    for statement in statements:
        check_query(connection, statement)
    if parameters and len(statements) > 1:
        raise QueryRefused("parameters (--param) go with one statement, not several")
    return statements


@contextmanager
def locked_down(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the warehouse that can open no other file, attach no database,
    load or install no extension, read no Python variable and change no setting."""
    with open_warehouse(path, read_only=True, bounded=False) as connection:
        connection.execute(sql_text("query/lock_down.sql"))
        yield connection


def run_queries(path: Path, text: str, parameters: list[Any] | None = None, wait_seconds: float = 0,
                on_wait: Callable[[str], None] = lambda message: None) -> list[QueryResult]:
    """Run every statement of `text` in order, read-only; one result per statement. While a run
    writes a batch the reader waits up to `wait_seconds` (see warehouse.readers)."""
    return read_when_free(path, lambda: _run_queries(path, text, parameters), wait_seconds, on_wait)


def _run_queries(path: Path, text: str, parameters: list[Any] | None) -> list[QueryResult]:
    results = []
    with locked_down(path) as connection:
        for statement in read_only_statements(connection, text, parameters):
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
