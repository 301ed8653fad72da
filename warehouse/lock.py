"""One writer per warehouse at a time, across processes.

DuckDB lets one process write a file, and refuses a second with "Could not set lock": two
runs on one warehouse would fail at whichever write came second. A run therefore holds an
exclusive lock on a file beside the warehouse (`wirehouse.duckdb.lock`) from its first write to
its last; a second run waits for it, saying which run it waits for, up to a timeout. The lock
is the kernel's (flock): a run killed with SIGKILL releases it with its process."""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

POLL_SECONDS = 0.5


class WarehouseBusy(RuntimeError):
    """Another run still held the warehouse when the wait timed out."""


def lock_path_for(warehouse_path: Path) -> Path:
    return warehouse_path.with_name(warehouse_path.name + ".lock")


@contextmanager
def writer_lock(warehouse_path: Path, run_id: str, timeout_seconds: float,
                on_wait: Callable[[str], None] = lambda message: None) -> Iterator[None]:
    """Hold the warehouse's writer lock for the block, waiting up to `timeout_seconds` for a
    run that holds it (`on_wait` hears once what is waited for); WarehouseBusy after that."""
    path = lock_path_for(warehouse_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+", encoding="utf-8") as handle:
        deadline = time.monotonic() + timeout_seconds
        waiting = False
        while not _try_lock(handle):
            holder = _holder(handle)
            if not waiting:
                on_wait(f"waiting for {holder} to finish with {warehouse_path} (timeout {timeout_seconds:g} s)")
                waiting = True
            if time.monotonic() >= deadline:
                raise WarehouseBusy(f"{warehouse_path} is still being written by {holder} after "
                                    f"{timeout_seconds:g} s (WIREHOUSE_LOCK_TIMEOUT_SECONDS)")
            time.sleep(POLL_SECONDS)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(json.dumps({"run_id": run_id, "pid": os.getpid(),
                                     "since": datetime.now(timezone.utc).isoformat(timespec="seconds")}))
            handle.flush()
            yield
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)


def _try_lock(handle) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(handle) -> str:
    """Who holds the lock, as its holder wrote it: 'run 3f2a... (pid 4242, since ...)'."""
    handle.seek(0)
    try:
        holder = json.loads(handle.read() or "{}")
    except json.JSONDecodeError:
        holder = {}
    if not holder:
        return "another run"
    return f"run {holder.get('run_id', '?')} (pid {holder.get('pid', '?')}, since {holder.get('since', '?')})"


def holder_of(warehouse_path: Path) -> str:
    """Who holds the writer lock now, as the holder wrote it, without taking the lock: "run
    3f2a... (pid 4242, since ...)", or "another process" (a writer that is not a run)."""
    try:
        with lock_path_for(warehouse_path).open(encoding="utf-8") as handle:
            return _holder(handle) if handle.read(1) else "another process"
    except OSError:
        return "another process"
