"""The writer's hold on the warehouse between batches: other processes wait while it is held and
get in once it is let go, with every write of the hold on disk."""

from __future__ import annotations

import subprocess
import sys

import pytest

from warehouse.connection import WriterHold, open_warehouse

READ_COUNT = ("import duckdb, sys\n"
              "try:\n"
              "    print(duckdb.connect(sys.argv[1], read_only=True).execute('SELECT count(*) FROM t').fetchone()[0])\n"
              "except duckdb.IOException:\n"
              "    print('locked')\n")


@pytest.fixture
def path(tmp_path):
    """A warehouse file with one empty table t."""
    path = tmp_path / "w.duckdb"
    with open_warehouse(path) as connection:
        connection.execute("CREATE TABLE t (n INTEGER)")
    return path


def count_from_another_process(path) -> str:
    return subprocess.run([sys.executable, "-c", READ_COUNT, str(path)], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_while_held_other_processes_wait_and_after_it_they_read_every_write(path):
    hold = WriterHold(path, seconds=3600)
    hold.keep()
    for n in range(3):  # short writes, each in a connection of its own, as the flow's loads are
        with open_warehouse(path) as connection:
            connection.execute("INSERT INTO t VALUES ($1)", [n])
        hold.release_if_due()
    assert hold.held and count_from_another_process(path) == "locked"
    hold.release()
    assert not hold.held and count_from_another_process(path) == "3"


def test_a_hold_of_zero_seconds_holds_nothing_and_a_due_hold_is_let_go(path):
    never = WriterHold(path, seconds=0)
    never.keep()
    assert not never.held
    brief = WriterHold(path, seconds=1e-9)
    brief.keep()
    assert brief.held
    brief.release_if_due()
    assert not brief.held and count_from_another_process(path) == "0"


def test_a_file_another_process_has_is_not_held_and_raises_nothing(path):
    reader = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], "
                               "read_only=True); print('open', flush=True); time.sleep(60)", str(path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "open"
        hold = WriterHold(path, seconds=3600)
        hold.keep()
        assert not hold.held
    finally:
        reader.kill()
        reader.wait()
