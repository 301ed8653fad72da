"""`wirehouse sql` is read-only: it reaches nothing but the warehouse."""

import hashlib

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from warehouse.query import QueryRefused, run_queries, run_query


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("statement", [
    "copy (select 'x' as a) to '{warehouse}' (format csv)",
    "attach '{other}' as o (read_only false)",
    "export database '{folder}'",
    "install httpfs",
    "load fts",
    "set threads = 1",
    "delete from articles",
    "create table t as select 1",
    "select 1; copy (select 1) to '{other}'",
])
def test_statements_that_write_or_reach_out_are_refused_and_change_nothing(warehouse_path, tmp_path, statement):
    query = statement.format(warehouse=warehouse_path, other=tmp_path / "other.duckdb", folder=tmp_path / "dump")
    before = digest(warehouse_path)
    with pytest.raises(QueryRefused, match="refused: wirehouse sql runs read-only queries"):
        run_queries(warehouse_path, query)
    assert digest(warehouse_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wirehouse.duckdb"]


def test_queries_cannot_read_files_outside_the_warehouse(warehouse_path, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not for you", encoding="utf-8")
    with pytest.raises(duckdb.PermissionException):
        run_queries(warehouse_path, f"select * from read_text('{secret}')")
    with pytest.raises(duckdb.PermissionException):
        run_queries(warehouse_path, f"select * from read_csv('{secret}')")


def test_every_statement_of_a_string_gives_its_result(warehouse_path):
    results = run_queries(warehouse_path, "select 1 as a; select count(*) as n from articles; describe runs")
    assert [r.statement for r in results] == ["select 1 as a", "select count(*) as n from articles", "describe runs"]
    assert results[0].rows == [(1,)] and results[1].rows == [(0,)]
    assert "run_id" in {row[0] for row in results[2].rows}
    assert run_query(warehouse_path, "select $1::int + 1", [41]).rows == [(42,)]
    with pytest.raises(QueryRefused, match="one statement"):
        run_queries(warehouse_path, "select $1; select 2", [1])


def test_the_cli_prints_each_result_and_one_line_refusals(warehouse_path):
    runner = CliRunner()
    shown = runner.invoke(app, ["sql", "-w", str(warehouse_path), "-f", "csv", "select 1 as a; select 2 as b"])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout == "a\n1\n\nb\n2\n"
    refused = runner.invoke(app, ["sql", "-w", str(warehouse_path), f"copy (select 1) to '{warehouse_path}'"])
    assert refused.exit_code == 1
    assert refused.stderr.count("\n") == 1 and "COPY refused" in refused.stderr


def test_the_table_prints_values_as_written_and_no_control_code(warehouse_path):
    """A value with "[/bold]" had crashed the table, "[citation needed]" vanished, "[link=...]"
    became a hyperlink and an ESC reached the terminal. The table shows them as text (ESC as
    \\x1b); CSV keeps every byte."""
    query = ("select '[/bold] x' as a, '[citation needed]' as b, '[link=http://e.com]hi[/link]' as c, "
             "'esc' || chr(27) || '[31mred' as d")
    runner = CliRunner()
    table = runner.invoke(app, ["sql", "-w", str(warehouse_path), query])
    assert table.exit_code == 0, table.output
    for shown in ("[/bold] x", "[citation needed]", "[link=http://e.com]hi[/lin", "esc\\x1b[31mred"):
        assert shown in table.stdout
    assert "\x1b" not in table.stdout
    csv_out = runner.invoke(app, ["sql", "-w", str(warehouse_path), "-f", "csv", query])
    assert csv_out.exit_code == 0 and "esc\x1b[31mred" in csv_out.stdout


@pytest.mark.parametrize("statement", [
    "import database '{folder}'",
    "pragma import_database('{folder}')",
    "checkpoint",
    "force checkpoint",
    "call checkpoint()",
    "pragma enable_profiling",
    "call enable_logging()",
    "select * from checkpoint()",
    "from enable_profiling()",
    "with x as (from truncate_duckdb_logs()) select 1",
    "explain analyze from enable_logging()",
    "select * from query('select 42')",
    "select 1; from force_checkpoint()",
])
def test_statements_that_act_on_the_process_are_refused_before_anything_runs(warehouse_path, tmp_path, statement):
    """IMPORT DATABASE had read schema.sql and load.sql from any folder and run them, because
    statements were parsed on an unrestricted connection; CHECKPOINT, profiling and logging ran."""
    folder = tmp_path / "dump"
    folder.mkdir()
    (folder / "schema.sql").write_text("create table stolen (a int);", encoding="utf-8")
    (folder / "load.sql").write_text("select 42 as leaked;", encoding="utf-8")
    before = digest(warehouse_path)
    with pytest.raises(QueryRefused, match="refused: wirehouse sql runs"):
        run_queries(warehouse_path, statement.format(folder=folder))
    assert digest(warehouse_path) == before


@pytest.mark.parametrize("statement", [
    "show tables", "pragma show_tables", "describe articles", "summarize runs", "explain select 1",
    "explain analyze select count(*) from articles", "values (1, 'a')",
    "with n as (select 1 as a) select lower('A'), a from n",
])
def test_every_kind_of_query_still_runs(warehouse_path, statement):
    assert run_queries(warehouse_path, statement)[0].columns


def test_a_file_must_be_sql_and_a_file_that_does_not_parse_is_never_echoed(warehouse_path, tmp_path):
    """`--file /etc/shadow` had shown the file's first word in the parser's error."""
    runner = CliRunner()
    secret = tmp_path / "shadow"
    secret.write_text("zorblax:$6$secrethash:19000:0:99999:7:::\n", encoding="utf-8")
    refused = runner.invoke(app, ["sql", "-w", str(warehouse_path), "--file", str(secret)])
    assert refused.exit_code == 1 and refused.stderr.count("\n") == 1
    assert ".sql" in refused.stderr and "zorblax" not in refused.stderr
    disguised = tmp_path / "shadow.sql"
    disguised.write_text(secret.read_text(encoding="utf-8"), encoding="utf-8")
    unparsed = runner.invoke(app, ["sql", "-w", str(warehouse_path), "--file", str(disguised)])
    assert unparsed.exit_code == 1 and unparsed.stderr.count("\n") == 1
    assert "does not parse" in unparsed.stderr and "zorblax" not in unparsed.stderr and "secret" not in unparsed.stderr
    query = tmp_path / "count.sql"
    query.write_text("select count(*) as n from articles;", encoding="utf-8")
    counted = runner.invoke(app, ["sql", "-w", str(warehouse_path), "-f", "csv", "--file", str(query)])
    assert counted.exit_code == 0 and counted.stdout == "n\n0\n"

