"""The table declarations (sql/tables/*.toml) against the migrated warehouse and the files derived
from them: the duplicate-key check, docs/schema.md and the staged Arrow schemas."""

from __future__ import annotations

import dataclasses
import re

import duckdb
import pytest

from warehouse.runs import RunCounts
from warehouse.sql_files import sql_text
from warehouse.tables import (
    ARROW_TYPES,
    declared_tables,
    duplicate_keys_sql,
    read_declaration,
    schema_markdown,
    with_schema_markdown,
)

from tests.conftest import PROJECT_ROOT

REGENERATE = "run `python -m warehouse.tables` after changing sql/tables/*.toml"


def migrated_columns(path) -> dict[str, list[tuple[str, str, bool]]]:
    with duckdb.connect(str(path), read_only=True) as connection:
        rows = connection.execute(
            "SELECT c.table_name, c.column_name, c.data_type, c.is_nullable = 'NO' FROM information_schema.columns AS c "
            "JOIN information_schema.tables AS t USING (table_schema, table_name) "
            "WHERE t.table_type = 'BASE TABLE' AND c.table_schema = 'main' "
            "ORDER BY c.table_name, c.ordinal_position").fetchall()
    tables: dict[str, list[tuple[str, str, bool]]] = {}
    for table, column, data_type, not_null in rows:
        tables.setdefault(table, []).append((column, data_type, not_null))
    return tables


def test_the_migrated_warehouse_has_exactly_the_declared_tables_and_columns(warehouse_path):
    declared = {name: [(c.name, c.type, c.not_null) for c in table.columns] for name, table in declared_tables().items()}
    assert migrated_columns(warehouse_path) == declared


def test_every_column_and_table_says_what_it_holds():
    for table in declared_tables().values():
        assert len(table.description) > 40, table.name
        assert all(len(column.doc) > 10 for column in table.columns), table.name


def test_the_duplicate_key_check_is_derived_from_the_grains():
    assert sql_text("checks/duplicate_keys.sql") == duplicate_keys_sql(declared_tables()), REGENERATE


def test_the_schema_doc_lists_the_declared_tables():
    document = (PROJECT_ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert with_schema_markdown(document, declared_tables()) == document, REGENERATE
    assert "| `about_event_id` | VARCHAR |" in schema_markdown(declared_tables())
    assert "| `article_id` | VARCHAR NOT NULL |" in schema_markdown(declared_tables())


@pytest.mark.parametrize("table, rows", [
    ("article_inputs", [{"article_id": "a1", "source_uri": "a.txt", "run_id": "r1"},
                        {"article_id": "a1", "source_uri": "a.txt", "run_id": "r2"}]),
    ("places", [{"geonameid": 1, "name": "Beirut"}, {"geonameid": 1, "name": "Bayrut"}]),
])
def test_the_duplicate_key_check_finds_a_repeated_grain(warehouse_path, table, rows):
    with duckdb.connect(str(warehouse_path)) as connection:
        assert connection.execute(sql_text("checks/duplicate_keys.sql")).fetchall() == []
        for row in rows:
            names = list(row)
            connection.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                               list(row.values()))
        found = connection.execute(sql_text("checks/duplicate_keys.sql")).fetchall()
    assert [name for name, _ in found] == [table]


def test_the_staged_schemas_follow_the_declarations():
    from warehouse import load

    assert load.EVENTS_SCHEMA.names == [c.name for c in declared_tables()["events"].columns]
    assert load.EVENT_PLACES_SCHEMA.field("geonameid").type == ARROW_TYPES["BIGINT"]
    assert load.ARTICLES_SCHEMA.field("published_at").type == ARROW_TYPES["TIMESTAMP"]


def test_every_run_count_is_a_column_of_runs_and_is_recorded_at_the_finish():
    runs = {c.name: c.type for c in declared_tables()["runs"].columns}
    counts = [field.name for field in dataclasses.fields(RunCounts)]
    assert all(runs[name] == "INTEGER" for name in counts)
    set_by_finish = set(re.findall(r"(\w+) = \$\1\b", sql_text("runs/finish_run.sql")))
    assert set(counts) <= set_by_finish


DECLARATION = '''name = "things"
grain = [{grain}]
group = "Runs"
description = """A test table."""

[[columns]]
name = "thing_id"
type = "{type}"
doc = "the thing"
'''


@pytest.mark.parametrize("grain, column_type, problem", [
    ('"thing_id"', "VARCHAR", None),
    ('"other_id"', "VARCHAR", "grain column 'other_id' is not a column"),
    ('"thing_id"', "TEXT", "unknown type 'TEXT' of thing_id"),
])
def test_a_declaration_is_checked_when_read(tmp_path, grain, column_type, problem):
    path = tmp_path / "things.toml"
    path.write_text(DECLARATION.format(grain=grain, type=column_type))
    if problem is None:
        assert read_declaration(path).arrow_schema().names == ["thing_id"]
    else:
        with pytest.raises(ValueError, match=re.escape(problem)):
            read_declaration(path)
