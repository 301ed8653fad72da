"""Parquet exports (zstd), one per table; articles partitioned by publication year-month.

Each export is written under a temporary name beside its target and renamed into place,
so a reader sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path

from warehouse.connection import open_warehouse
from warehouse.sql_files import sql_files, sql_text

PARTITIONED = {"articles": "year_month"}
STATE_FILE = "_warehouse_state.json"  # what the exports were written from


def warehouse_state(path: Path) -> list:
    with open_warehouse(path, read_only=True) as connection:
        return list(connection.execute(sql_text("meta/warehouse_state.sql")).fetchone())


def exports_are_current(path: Path, export_dir: Path) -> bool:
    """True when the exports were written from the warehouse as it is now (a re-run that
    loaded nothing need not write them again)."""
    try:
        written = json.loads((export_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return written == warehouse_state(path)


def export_tables(path: Path, export_dir: Path) -> dict[str, Path]:
    """Write every table of sql/export to export_dir; return table -> written path."""
    export_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    with open_warehouse(path, read_only=True) as connection:
        for query in sql_files("export"):
            table = query.stem
            relation = connection.sql(sql_text(f"export/{query.name}"))
            partition_column = PARTITIONED.get(table)
            if partition_column:
                target = export_dir / table
                temporary = export_dir / f".{table}.{uuid.uuid4().hex}.tmp"
                relation.to_parquet(str(temporary), compression="zstd", partition_by=[partition_column])
                _swap_directory(temporary, target)
            else:
                target = export_dir / f"{table}.parquet"
                temporary = export_dir / f".{table}.{uuid.uuid4().hex}.tmp"
                relation.to_parquet(str(temporary), compression="zstd")
                os.replace(temporary, target)
            written[table] = target
    (export_dir / STATE_FILE).write_text(json.dumps(warehouse_state(path)), encoding="utf-8")
    return written


def _swap_directory(new: Path, target: Path) -> None:
    """Put a freshly written directory in place of the old one; each file inside was
    complete before the rename."""
    if target.exists():
        retired = target.with_name(f".{target.name}.{uuid.uuid4().hex}.old")
        os.replace(target, retired)
        os.replace(new, target)
        shutil.rmtree(retired)
    else:
        os.replace(new, target)
