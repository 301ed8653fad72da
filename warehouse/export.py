"""Parquet exports (zstd), one per table; articles partitioned by publication year-month.

Each export is written under a temporary name beside its target and renamed into place,
so a reader sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from datetime import datetime, timezone
from collections.abc import Collection
from pathlib import Path

import duckdb

from warehouse.connection import open_warehouse
from warehouse.sql_files import sql_files, sql_text

PARTITIONED = {"articles": "year_month"}
# The exports' manifest: the run they reflect (the latest in `runs`, with its status) and the
# fingerprint of every table they were written from.
STATE_FILE = "_warehouse_state.json"


def export_fingerprints(connection: duckdb.DuckDBPyConnection,
                        tables: Collection[str] | None = None) -> dict[str, list[int]]:
    """Per exported table (or per one of `tables`), [rows, digest of every row] of what its
    export query returns now."""
    fingerprint = sql_text("meta/export_fingerprint.sql")
    return {query.stem: list(connection.sql(sql_text(f"export/{query.name}")).query("export_rows", fingerprint).fetchone())
            for query in sql_files("export") if tables is None or query.stem in tables}


def last_run(connection: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    """The latest run of the warehouse: its id, status and finish time (None before any run)."""
    row = connection.execute(sql_text("meta/last_run.sql")).fetchone()
    run_id, status, finished_at = row if row else (None, None, None)
    return {"run_id": run_id, "run_status": status,
            "run_finished_at": finished_at.isoformat() if finished_at else None}


def export_manifest(export_dir: Path) -> dict:
    """What the exports in export_dir say they reflect ({} when there is no readable manifest)."""
    try:
        manifest = json.loads((export_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def exports_are_current(path: Path, export_dir: Path) -> bool:
    """True when every export was written from the tables as they are now and the manifest names
    the latest run as it stands (a re-run that changed nothing need not write them again; any
    changed row, in any table, makes them stale)."""
    manifest = export_manifest(export_dir)
    if not manifest:
        return False
    with open_warehouse(path, read_only=True) as connection:
        return (manifest.get("tables") == export_fingerprints(connection)
                and _same_run(manifest, last_run(connection)))


def exports_lag(path: Path, export_dir: Path) -> bool:
    """True when exports exist but reflect an earlier run than the warehouse's latest, or that run
    in an earlier state (a run killed after loading, whose exports were never written). Cheap:
    it reads the manifest and one row of `runs`, not the tables."""
    if not export_dir.is_dir():
        return False
    manifest = export_manifest(export_dir)
    with open_warehouse(path, read_only=True) as connection:
        return not _same_run(manifest, last_run(connection))


def _same_run(manifest: dict, run: dict[str, str | None]) -> bool:
    return all(manifest.get(key) == value for key, value in run.items())


class ExportRefused(Exception):
    """The export would replace what wirehouse did not write: nothing was written."""


def foreign_content(export_dir: Path) -> str | None:
    """Why exporting into export_dir would destroy something wirehouse did not write, or None.
    A folder is wirehouse's when it holds the state file of an earlier export (or nothing); a
    partitioned table's folder holds only its partitions' Parquet files."""
    if not export_dir.exists():
        return None
    if not export_dir.is_dir():
        return f"{export_dir} is a file, not a folder"
    entries = [p for p in export_dir.iterdir() if not p.name.startswith(".")]
    if entries and not (export_dir / STATE_FILE).is_file():
        return f"{export_dir} holds files that no wirehouse export wrote"
    for table, column in PARTITIONED.items():
        folder = export_dir / table
        if not folder.exists():
            continue
        strays = [p for p in folder.rglob("*") if not _a_partition_part(p, folder, column)]
        if not folder.is_dir() or strays:
            return f"{folder} holds files that no wirehouse export wrote ({(strays or [folder])[0].name})"
    return None


def _a_partition_part(path: Path, folder: Path, column: str) -> bool:
    parts = path.relative_to(folder).parts
    if not parts[0].startswith(f"{column}="):
        return False
    return (len(parts) == 1 and path.is_dir()) or (len(parts) == 2 and path.suffix == ".parquet" and path.is_file())


def export_tables(path: Path, export_dir: Path) -> dict[str, Path]:
    """Write every table of sql/export to export_dir; return table -> written path. The
    fingerprints written beside them are of the same read-only snapshot. Refuses (ExportRefused,
    nothing written) where the folder holds what wirehouse did not write."""
    refused = foreign_content(export_dir)
    if refused is not None:
        raise ExportRefused(refused)
    written: dict[str, Path] = {}
    with open_warehouse(path, read_only=True) as connection:
        created = not export_dir.exists()
        try:
            export_dir.mkdir(parents=True, exist_ok=True)
            if not (export_dir / STATE_FILE).exists():  # marks the folder as an export's before any table:
                (export_dir / STATE_FILE).write_text("{}", encoding="utf-8")  # a failed first export can be retried
            connection.execute("BEGIN TRANSACTION")  # one snapshot for every table and the fingerprints
            for query in sql_files("export"):
                written[query.stem] = _write_table(connection, query.stem, export_dir)
            manifest = {**last_run(connection), "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                        "tables": export_fingerprints(connection)}
            connection.execute("COMMIT")
            _write_manifest(export_dir, manifest)
        except BaseException:
            if created and export_dir.exists() and [p.name for p in export_dir.iterdir()] == [STATE_FILE]:
                (export_dir / STATE_FILE).unlink()
                export_dir.rmdir()  # leave no empty folder behind a failed first export
            raise
    return written


def export_changed_tables(path: Path, export_dir: Path, tables: Collection[str]) -> None:
    """Write again only the named tables, when the caller knows no other table changed since
    the exports were last written (a run that read nothing changes only `runs`): the manifest
    keeps the other tables' fingerprints and names the latest run. Everything is written when
    the folder holds no manifest of a complete export."""
    manifest = export_manifest(export_dir)
    if not manifest.get("tables") or foreign_content(export_dir) is not None:
        export_tables(path, export_dir)
        return
    with open_warehouse(path, read_only=True) as connection:
        connection.execute("BEGIN TRANSACTION")
        for table in tables:
            _write_table(connection, table, export_dir)
        manifest = {**manifest, **last_run(connection),
                    "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    "tables": {**manifest["tables"], **export_fingerprints(connection, tables)}}
        connection.execute("COMMIT")
    _write_manifest(export_dir, manifest)


def _write_manifest(export_dir: Path, manifest: dict) -> None:
    temporary = export_dir / f".{STATE_FILE}.{uuid.uuid4().hex}.tmp"
    temporary.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    os.replace(temporary, export_dir / STATE_FILE)


def _write_table(connection: duckdb.DuckDBPyConnection, table: str, export_dir: Path) -> Path:
    relation = connection.sql(sql_text(f"export/{table}.sql"))
    temporary = export_dir / f".{table}.{uuid.uuid4().hex}.tmp"
    partition_column = PARTITIONED.get(table)
    if partition_column:
        target = export_dir / table
        relation.to_parquet(str(temporary), compression="zstd", partition_by=[partition_column])
        _swap_directory(temporary, target)
    else:
        target = export_dir / f"{table}.parquet"
        relation.to_parquet(str(temporary), compression="zstd")
        os.replace(temporary, target)
    return target


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
