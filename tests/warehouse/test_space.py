"""The room a run sets aside to record a full-disk failure."""

import errno

import duckdb

from warehouse.space import RESERVE_BYTES, is_disk_full, reserve_path_for, space_reserve


def test_the_reserve_holds_real_blocks_while_the_run_does_and_goes_with_it(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    with space_reserve(warehouse) as reserve:
        assert reserve == reserve_path_for(warehouse)
        assert reserve.stat().st_size == RESERVE_BYTES and reserve.stat().st_blocks * 512 >= RESERVE_BYTES
    assert not reserve.exists()


def test_a_full_disk_is_recognised_under_duckdb_s_wording_and_in_a_chain():
    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    wrapped = RuntimeError("cannot rollback - no transaction is active")
    wrapped.__context__ = duckdb.TransactionException('Failed to commit: Could not write file "w.wal": '
                                                      "No space left on device")
    assert is_disk_full(wrapped)
    assert not is_disk_full(duckdb.IOException("Could not set lock on file"))
