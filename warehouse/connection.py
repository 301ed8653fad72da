"""Open the warehouse file: migrated for writers, read-only for queries."""

from __future__ import annotations

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
