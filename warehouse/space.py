"""Room to record a run's failure when the disk is full.

A full disk fails the write of a batch or of the links, and then the write that records the
failure in `runs`, which left the run 'running' with no cause. A run therefore sets aside a
small file beside the warehouse (`wirehouse.duckdb.reserve`, 1 MiB of real blocks) while it
holds the writer lock, and gives that room back just before recording a failure caused by a
full disk. The file is removed when the run ends, however it ends."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

RESERVE_BYTES = 1 << 20
# Words DuckDB uses when the file system refused a write (it reports errors as text, not errno).
_DISK_FULL_TEXT = "No space left on device"


def reserve_path_for(warehouse_path: Path) -> Path:
    return warehouse_path.with_name(warehouse_path.name + ".reserve")


@contextmanager
def space_reserve(warehouse_path: Path) -> Iterator[Path]:
    """Hold RESERVE_BYTES of disk beside the warehouse for the block; OSError when even that
    much cannot be had (the disk is full before the run writes anything)."""
    path = reserve_path_for(warehouse_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        _allocate(path, RESERVE_BYTES)
        yield path
    finally:
        path.unlink(missing_ok=True)


def _allocate(path: Path, size: int) -> None:
    """A file of `size` bytes whose blocks are really taken from the disk (no sparse file)."""
    with path.open("wb") as handle:
        try:
            os.posix_fallocate(handle.fileno(), 0, size)
            return
        except AttributeError:  # no posix_fallocate on this system
            pass
        except OSError as error:
            if error.errno == errno.ENOSPC:
                raise
            # a file system without fallocate: write the bytes instead
        handle.write(bytes(size))


def release_reserve(warehouse_path: Path) -> None:
    """Give the reserved room back to the file system (before recording a failure)."""
    reserve_path_for(warehouse_path).unlink(missing_ok=True)


def is_disk_full(error: BaseException | None) -> bool:
    """True when `error`, or an error it was raised from, is a full disk."""
    while error is not None:
        if isinstance(error, OSError) and error.errno == errno.ENOSPC:
            return True
        if _DISK_FULL_TEXT in str(error):
            return True
        error = error.__cause__ or error.__context__
    return False
