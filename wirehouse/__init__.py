"""wirehouse from Python: `run` loads news into a warehouse, `connect` queries it.

    import wirehouse
    summary = wirehouse.run(["seeds/articles"], warehouse="w.duckdb")
    with wirehouse.connect("w.duckdb") as warehouse:
        frame = warehouse.sql("select publisher, count(*) as n from articles group by all").pl()

`run` is the flow `wirehouse run` starts, with the same settings (WIREHOUSE_* variables).
`connect` opens the warehouse read-only and locked down as `wirehouse sql` does: queries only,
no file, extension or setting outside the warehouse. While it is open, a run cannot write the
file (DuckDB lets one process write it, and only when no other holds it), so close it when done.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

if TYPE_CHECKING:
    from flows.run_output import RunSummary

__all__ = ["ReadOnlyWarehouse", "connect", "run"]


def run(paths: Iterable[str | Path], warehouse: str | Path | None = None, published_at: date | None = None,
        export: bool = True, follow_links: bool = False) -> RunSummary:
    """Load the files and folders at `paths` into the warehouse (WIREHOUSE_WAREHOUSE_PATH when
    None), as `wirehouse run` does; returns the run's summary (status, counts, seconds)."""
    from flows.etl import etl_for
    from flows.settings import Settings

    return etl_for(Settings())(inputs=[str(path) for path in paths], warehouse=str(warehouse) if warehouse else None,
                               published_at=published_at, export=export, follow_links=follow_links)


class ReadOnlyWarehouse:
    """A read-only, locked-down connection: `sql` gives DuckDB relations (`.pl()`, `.df()`,
    `.fetchall()`). Use it in a `with` block, or call `close()`."""

    def __init__(self, path: Path):
        from warehouse.query import locked_down

        self.path = path
        self._open = ExitStack()
        self.connection = self._open.enter_context(locked_down(path))

    def sql(self, query: str, *parameters: Any) -> duckdb.DuckDBPyRelation:
        """One query (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE), its values bound to $1, $2, ...;
        a statement that writes or reaches outside the warehouse is refused (QueryRefused)."""
        from warehouse.query import QueryRefused, read_only_statements

        statements = read_only_statements(self.connection, query, list(parameters))
        if len(statements) != 1:
            raise QueryRefused(f"one statement expected, {len(statements)} given")
        return self.connection.sql(statements[0].query, params=list(parameters) or None)

    def close(self) -> None:
        self._open.close()

    def __enter__(self) -> ReadOnlyWarehouse:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def connect(warehouse: str | Path | None = None) -> ReadOnlyWarehouse:
    """The warehouse (WIREHOUSE_WAREHOUSE_PATH when None), open read-only and locked down."""
    from flows.settings import Settings

    return ReadOnlyWarehouse(Path(warehouse) if warehouse else Settings().warehouse_path)
