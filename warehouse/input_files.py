"""Input files as completed runs last read them (`input_files`): which files a re-run may skip
unread, and the record of the files a run read whole."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pyarrow as pa

from ingest.file_states import FileState
from warehouse.connection import open_warehouse
from warehouse.sql_files import sql_text
from warehouse.tables import arrow_schema


def _states_table(states: Sequence[FileState]) -> pa.Table:
    return pa.table({
        "path": pa.array([s.path for s in states], pa.string()),
        "kind": pa.array([s.kind for s in states], pa.string()),
        "size_bytes": pa.array([s.size_bytes for s in states], pa.int64()),
        "modified_ns": pa.array([s.modified_ns for s in states], pa.int64()),
    })


def unchanged_files(path: Path, states: Sequence[FileState], versions: Mapping[str, str]) -> dict[str, int]:
    """Path -> inputs held, for the given files a completed run read whole and that have the
    same size and modification time now; none while any article in the warehouse has an
    extractor not at its current version."""
    if not states:
        return {}
    staged_versions = pa.table({"extractor": list(versions), "extractor_version": list(versions.values())})
    with open_warehouse(path) as connection:
        connection.register("staged_files", _states_table(states))
        connection.register("staged_versions", staged_versions)
        rows = connection.execute(sql_text("load/select_unchanged_files.sql")).fetchall()
    return dict(rows)


def run_error_uris(path: Path, run_id: str) -> list[str]:
    """The inputs the run quarantined, at any stage."""
    with open_warehouse(path) as connection:
        return [uri for (uri,) in connection.execute(sql_text("load/select_run_error_uris.sql"),
                                                     {"run_id": run_id}).fetchall()]


def record_read_files(path: Path, run_id: str, read: Sequence[tuple[FileState, int]]) -> None:
    """Record files the run read whole, each with the inputs it held (replacing earlier states)."""
    if not read:
        return
    states = [state for state, _ in read]
    staged = _states_table(states).append_column("n_inputs", pa.array([n for _, n in read], pa.int32()))
    staged = staged.append_column("run_id", pa.array([run_id] * len(read), pa.string()))
    with open_warehouse(path) as connection:
        connection.register("staged_files", staged.cast(arrow_schema("input_files")))
        connection.execute("BEGIN TRANSACTION")
        connection.execute(sql_text("load/upsert_input_files.sql"))
        connection.execute("COMMIT")
