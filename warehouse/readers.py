"""Reading the warehouse while a run writes it.

DuckDB lets one process hold a file it writes: a reader in another process fails at once with
"Could not set lock on file". A run opens the warehouse for one batch at a time, so a reader
that waits a moment reads the last committed state. `read_when_free` runs a read, retrying
while a writer holds the file, up to a bounded wait, and says once which run it waits for."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb

from warehouse.lock import holder_of

POLL_SECONDS = 0.1
Result = TypeVar("Result")


class WarehouseBusyReading(RuntimeError):
    """A writer still held the warehouse when a reader's wait ran out."""


def is_held_by_a_writer(error: BaseException) -> bool:
    return isinstance(error, duckdb.IOException) and "lock" in str(error).lower()


def read_when_free(path: Path, read: Callable[[], Result], wait_seconds: float,
                   on_wait: Callable[[str], None] = lambda message: None) -> Result:
    """`read()`, retried while another process writes the warehouse, up to `wait_seconds`
    (WarehouseBusyReading after that, naming the run). A read opens the warehouse once, at its
    start, so a retry repeats nothing that was done."""
    deadline = time.monotonic() + wait_seconds
    waiting = False
    while True:
        try:
            return read()
        except duckdb.IOException as error:
            if not is_held_by_a_writer(error):
                raise
            holder = holder_of(path)
            if time.monotonic() >= deadline:
                raise WarehouseBusyReading(f"{path} is being written by {holder}; still busy after "
                                           f"{wait_seconds:g} s (WIREHOUSE_READ_WAIT_SECONDS)") from None
            if not waiting:
                on_wait(f"waiting for {holder} to finish writing a batch to {path} (up to {wait_seconds:g} s)")
                waiting = True
            time.sleep(POLL_SECONDS)
