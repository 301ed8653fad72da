"""One explicit DuckDB transaction whose failure is reported by its own cause.

A COMMIT that fails (a full disk: "Could not write file ...wal: No space left on device") ends
the transaction; a ROLLBACK after it raised "cannot rollback - no transaction is active", and
that second error, not the full disk, reached the user. The rollback here is best effort, and
the first error is the one raised."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb


@contextmanager
def transaction(connection: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN, then COMMIT when the block ends, else ROLLBACK and re-raise the block's error."""
    connection.execute("BEGIN TRANSACTION")
    try:
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        try:
            connection.execute("ROLLBACK")
        except duckdb.Error:  # the failed COMMIT already ended it
            pass
        raise
