"""A transaction whose failure is reported by its own cause, never by the rollback after it."""

import duckdb
import pytest

from warehouse.transaction import transaction


def test_the_block_s_error_is_raised_and_its_writes_undone(tmp_path):
    connection = duckdb.connect(str(tmp_path / "t.duckdb"))
    connection.execute("CREATE TABLE t (a INTEGER)")
    with pytest.raises(ValueError, match="the real cause"), transaction(connection):
        connection.execute("INSERT INTO t VALUES (1)")
        raise ValueError("the real cause")
    assert connection.execute("SELECT count(*) FROM t").fetchone() == (0,)
    with transaction(connection):
        connection.execute("INSERT INTO t VALUES (2)")
    assert connection.execute("SELECT a FROM t").fetchall() == [(2,)]


def test_a_commit_that_fails_is_raised_as_itself():
    connection = duckdb.connect()
    connection.execute("CREATE TABLE t (a INTEGER PRIMARY KEY)")
    connection.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(duckdb.ConstraintException), transaction(connection):
        connection.execute("INSERT INTO t VALUES (1)")  # fails inside: ROLLBACK then works
    with pytest.raises(duckdb.Error) as raised, transaction(connection):
        connection.execute("COMMIT")  # the block ends the transaction itself: the COMMIT after it fails
    assert "cannot rollback" not in str(raised.value)
