"""Views (recreated on every run) and check queries (empty result = pass)."""

from __future__ import annotations

from pathlib import Path

from warehouse.connection import open_warehouse
from warehouse.sql_files import sql_files


def refresh_views(path: Path) -> list[str]:
    """Recreate every view of sql/views; return their names."""
    views = sql_files("views")
    with open_warehouse(path) as connection:
        for view in views:
            connection.execute(view.read_text(encoding="utf-8"))
    return [view.stem for view in views]


def run_checks(path: Path) -> dict[str, int]:
    """Run every query of sql/checks; return check name -> number of offending rows."""
    failures: dict[str, int] = {}
    with open_warehouse(path, read_only=True) as connection:
        for check in sql_files("checks"):
            failures[check.stem] = len(connection.execute(check.read_text(encoding="utf-8")).fetchall())
    return failures
