"""Open the warehouse file: migrated for writers, read-only for queries."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import duckdb_extension_fts

from warehouse.migrate import migrate

# The full-text search extension ships in a PyPI package (nothing downloads at run time);
# its version must match DuckDB's, which is why both are pinned to 1.5.5.
FTS_EXTENSION = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}" / "fts.duckdb_extension"

# The writer shares the machine with the parsing workers: DuckDB's default (80% of RAM, every
# core) let the final checks and a batch's checkpoint spike the writer's memory. Queries spill
# to disk past the limit instead.
WRITER_CONFIG = {"memory_limit": "1GB", "threads": 2}
# The flow's own reads (the checks, the Parquet export) share the machine too:
# unbounded, the export of 100,000 articles reached 1.1 GB; at 512 MB it stays near 0.7 GB and
# takes as long. An analyst's `wirehouse sql` keeps DuckDB's defaults (bounded=False).
READER_CONFIG = {"memory_limit": "512MB", "threads": 2}


@contextmanager
def open_warehouse(path: Path, read_only: bool = False,
                   bounded: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived connection: DuckDB locks the file against other processes while a
    writer holds it, so writers open, write one batch and close. A bounded reader has the
    memory limit of READER_CONFIG."""
    if read_only:
        if not path.exists():
            raise FileNotFoundError(f"no warehouse at {path}; run `wirehouse run` first")
        connection = duckdb.connect(str(path), read_only=True, config=dict(READER_CONFIG) if bounded else {})
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = duckdb.connect(str(path), config=dict(WRITER_CONFIG))
    try:
        connection.load_extension(str(FTS_EXTENSION))
        yield connection
    finally:
        connection.close()


def is_io_error(error: BaseException) -> bool:
    """True for failures worth a retry: the file locked by another process, or disk I/O."""
    return isinstance(error, (duckdb.IOException, OSError))


def prepare_warehouse(path: Path) -> list[str]:
    """Create the warehouse if needed and apply pending migrations; return their names."""
    with open_warehouse(path) as connection:
        return [f"{m.version:03d}_{m.name}" for m in migrate(connection)]


class WriterHold:
    """The warehouse kept open between a run's short writes, for up to `seconds` at a time.

    Each write opens and closes its own connection so that other processes (an analyst's
    `wirehouse sql`) can get in between batches. Closing the last connection to the file
    checkpoints it, which was half of a batch's load time, and opening it again another sixth:
    while this process holds one more connection, the writes share its open database and
    neither happens. Every `seconds` (0: after every write) the hold is let go once, so a
    reader waits for at most about that long.
    """

    def __init__(self, path: Path, seconds: float):
        self.path, self.seconds = path, seconds
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._since = 0.0

    def keep(self) -> None:
        """Hold the warehouse open, if it is not held already. When another process has the
        file just now, nothing is held: the write itself waits and retries as before."""
        if self._connection is None and self.seconds > 0:
            try:
                self._connection = duckdb.connect(str(self.path), config=dict(WRITER_CONFIG))
            except duckdb.IOException:
                return
            self._since = time.monotonic()

    def release_if_due(self) -> None:
        if self._connection is not None and time.monotonic() - self._since >= self.seconds:
            self.release()

    def release(self) -> None:
        """Let go (the file is checkpointed now, and other processes may open it)."""
        if self._connection is not None:
            connection, self._connection = self._connection, None
            connection.close()

    @property
    def held(self) -> bool:
        return self._connection is not None
