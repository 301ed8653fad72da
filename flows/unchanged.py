"""A re-run with nothing to read, recorded without starting Prefect.

With no Prefect server configured, every flow run starts a temporary server in a subprocess
(about 10 s). A re-run over inputs that have not changed needs none of it: when every input
file is as a completed run last read it (`input_files`: same size and modification time), every
article is at the current extractor versions, and the last run completed cleanly, the run's row
is written here directly, with status `unchanged` and no Prefect flow run. Anything else (a
new or changed file, an unreadable path, a stale extractor, failed checks last time, exports
behind, another run writing, the file busy) goes to the flow as before.
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from extract.components import EXTRACTOR_VERSIONS
from flows.run_output import RunSummary, error_summary
from flows.settings import Settings
from ingest.discovery import discover_inputs
from ingest.file_states import FileState, file_state
from nlp.pipeline import installed_model_identity
from warehouse.connection import is_io_error, open_warehouse, prepare_warehouse
from warehouse.export import export_changed_tables, export_manifest, exports_lag, last_run
from warehouse.input_files import unchanged_files
from warehouse.lock import WarehouseBusy, writer_lock
from warehouse.runs import RunCounts, finish_run, start_run

# The last run's statuses after which a run that reads nothing may skip the checks: the tables
# are as that run left them, and its checks passed.
CLEAN_STATUSES = frozenset({"completed", "unchanged"})


def unchanged_run(settings: Settings, inputs: list[str], warehouse: Path | None, export: bool,
                  follow_links: bool = False) -> RunSummary | None:
    """The summary of a run recorded as `unchanged`, or None when the flow has work to do."""
    started = time.perf_counter()
    warehouse_path = warehouse or settings.warehouse_path
    if not warehouse_path.is_file():
        return None
    files, errors = discover_inputs(inputs, follow_links)
    states = [file_state(input_file) for input_file in files]
    if errors or not files or None in states:
        return None
    export_dir = settings.exports_for(warehouse_path) if export else None
    run_id = uuid.uuid4().hex
    try:
        with writer_lock(warehouse_path, run_id, timeout_seconds=0):
            prepare_warehouse(warehouse_path)
            if not _nothing_to_do(warehouse_path, states, export_dir):
                return None
            start_run(warehouse_path, run_id, None, inputs, *installed_model_identity(settings.model),
                      EXTRACTOR_VERSIONS)
            counts = RunCounts(n_files_unchanged=len(files))
            finish_run(warehouse_path, run_id, "unchanged", counts)
            export_error = None
            if export_dir is not None:
                try:
                    export_changed_tables(warehouse_path, export_dir, ["runs"])
                except Exception as error:  # the run is recorded; only its exports are missing
                    export_error = error_summary(error)
    except WarehouseBusy:
        return None
    except Exception as error:  # the file busy for a moment (a reader): the flow retries such steps
        if is_io_error(error):
            return None
        raise
    return RunSummary(run_id, "unchanged", counts, time.perf_counter() - started, str(warehouse_path),
                      str(export_dir) if export_dir else None, {}, {}, export_error)


def _nothing_to_do(warehouse_path: Path, states: list[FileState], export_dir: Path | None) -> bool:
    """Every file unchanged, the last run clean, and its exports (when wanted) complete."""
    known = unchanged_files(warehouse_path, states, EXTRACTOR_VERSIONS)
    if not all(state.path in known for state in states):
        return False
    with open_warehouse(warehouse_path, read_only=True) as connection:
        if last_run(connection)["run_status"] not in CLEAN_STATUSES:
            return False
    if export_dir is None:
        return True
    return bool(export_manifest(export_dir).get("tables")) and not exports_lag(warehouse_path, export_dir)
