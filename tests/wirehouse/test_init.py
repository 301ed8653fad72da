"""The front door for notebooks: the README's five lines, run as written."""

from __future__ import annotations

import re

import polars as pl
import pytest

import wirehouse
from tests.conftest import PROJECT_ROOT
from warehouse.connection import open_warehouse, prepare_warehouse
from warehouse.query import QueryRefused

pytestmark = pytest.mark.usefixtures("prefect_server")


def readme_python() -> str:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(r"```python\n(import wirehouse\n.*?)```", readme, re.S)[1]


def test_the_readme_lines_load_and_query_into_a_polars_frame(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WIREHOUSE_TASK_RUNNER", "threads")
    code = readme_python()
    assert len(code.strip().splitlines()) == 5
    namespace: dict = {}
    exec(code.replace('"seeds/articles"', repr(str(PROJECT_ROOT / "seeds" / "articles"))), namespace)
    assert namespace["summary"].status == "completed" and namespace["summary"].counts.n_articles_new == 25
    top = namespace["top"]
    assert isinstance(top, pl.DataFrame) and top["n"].sum() == 25
    assert "completed" in capsys.readouterr().out


def test_connect_is_read_only_sandboxed_and_binds_values(tmp_path):
    warehouse_path = tmp_path / "w.duckdb"
    prepare_warehouse(warehouse_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("not for you", encoding="utf-8")
    with wirehouse.connect(warehouse_path) as warehouse:
        assert warehouse.sql("select $1::int + 1 as x", 41).fetchall() == [(42,)]
        with pytest.raises(QueryRefused, match="DELETE refused"):
            warehouse.sql("delete from articles")
        with pytest.raises(QueryRefused, match="checkpoint"):
            warehouse.sql("select * from checkpoint()")
        with pytest.raises(QueryRefused, match="one statement"):
            warehouse.sql("select 1; select 2")
        with pytest.raises(Exception, match="disabled"):
            warehouse.sql(f"select * from read_text('{secret}')").fetchall()
    with open_warehouse(warehouse_path) as writer:  # closed: a run can write the file again
        assert writer.execute("select count(*) from articles").fetchone() == (0,)
