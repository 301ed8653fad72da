"""Views (recreated on every run) and check queries (empty result = pass)."""

from __future__ import annotations

from pathlib import Path

from warehouse.connection import open_warehouse
from warehouse.sql_files import sql_files


def refresh_views(path: Path) -> list[str]:
    """Recreate every view of sql/views and every index of sql/indexes; return their names."""
    objects = sql_files("views") + sql_files("indexes")
    with open_warehouse(path) as connection:
        for sql_object in objects:
            connection.execute(sql_object.read_text(encoding="utf-8"))
    return [sql_object.stem for sql_object in objects]


def run_checks(path: Path) -> dict[str, int]:
    """Run every query of sql/checks; return check name -> number of offending rows."""
    failures: dict[str, int] = {}
    with open_warehouse(path, read_only=True) as connection:
        for check in sql_files("checks"):
            failures[check.stem] = len(connection.execute(check.read_text(encoding="utf-8")).fetchall())
    return failures
