"""Forward-only migrations from sql/migrations, recorded with their checksums."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.sql_files import sql_files, sql_text
from warehouse.transaction import transaction

_MIGRATION_NAME = re.compile(r"^(?P<version>\d{3})_(?P<name>\w+)\.sql$")


class MigrationError(RuntimeError):
    """An applied migration was edited, or a migration file is misnamed."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path
    checksum: str


def available_migrations() -> list[Migration]:
    """The migration files, in version order, with the SHA-256 of their text."""
    migrations = []
    for path in sql_files("migrations"):
        match = _MIGRATION_NAME.match(path.name)
        if match is None:
            raise MigrationError(f"migration file {path.name} is not named NNN_name.sql")
        text = path.read_text(encoding="utf-8")
        migrations.append(Migration(int(match["version"]), match["name"], path,
                                    hashlib.sha256(text.encode()).hexdigest()))
    return migrations


def migrate(connection: duckdb.DuckDBPyConnection) -> list[Migration]:
    """Apply the migrations not yet applied, each in its own transaction; return them.

    An applied migration whose file changed since is an error: migrations are
    forward-only, so a change to the schema is a new numbered file.
    """
    connection.execute(sql_text("meta/create_schema_migrations.sql"))
    applied = dict(connection.execute(sql_text("meta/select_schema_migrations.sql")).fetchall())
    newly_applied = []
    for migration in available_migrations():
        if migration.version in applied:
            if applied[migration.version] != migration.checksum:
                raise MigrationError(
                    f"migration {migration.path.name} was changed after it was applied; "
                    "add a new migration instead of editing an applied one"
                )
            continue
        with transaction(connection):
            connection.execute(migration.path.read_text(encoding="utf-8"))
            connection.execute(sql_text("meta/insert_schema_migration.sql"),
                               [migration.version, migration.name, migration.checksum])
        newly_applied.append(migration)
    return newly_applied
