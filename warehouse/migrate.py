"""Forward-only migrations from sql/migrations, recorded with their checksums.

A migration's statements never change once applied. Its comments may be reworded: each such
revision is listed in sql/migrations/comment_revisions.csv with the checksum the file had and
the checksum of its statements (the text without comment lines). A warehouse that recorded the
old checksum is accepted when the statements are still those, and its record is updated."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from seedrows import read_rows
from warehouse.sql_files import SQL_DIR, sql_files, sql_text
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


@dataclass(frozen=True)
class CommentRevision:
    """A row of sql/migrations/comment_revisions.csv: a migration whose comments were reworded."""

    version: int
    previous_checksum: str  # of the whole file as it was applied
    statements_checksum: str  # of its text without comment lines, then and now
    why: str


def statements_checksum(text: str) -> str:
    """SHA-256 of a migration's text without its comment lines: what it does, not what it says."""
    statements = "\n".join(line for line in text.splitlines() if not line.strip().startswith("--"))
    return hashlib.sha256(statements.encode()).hexdigest()


def comment_revisions() -> dict[int, CommentRevision]:
    return {row.version: row for row in read_rows(SQL_DIR / "migrations" / "comment_revisions.csv", CommentRevision)}


def only_comments_changed(migration: Migration, recorded: str, revisions: dict[int, CommentRevision]) -> bool:
    """Whether a recorded checksum is a listed earlier text of this migration with the same statements."""
    revision = revisions.get(migration.version)
    return (revision is not None and recorded == revision.previous_checksum
            and statements_checksum(migration.path.read_text(encoding="utf-8")) == revision.statements_checksum)


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
    revisions = comment_revisions()
    for migration in available_migrations():
        if migration.version in applied:
            if only_comments_changed(migration, applied[migration.version], revisions):
                connection.execute(sql_text("meta/update_schema_migration_checksum.sql"),
                                   [migration.version, migration.checksum])
            elif applied[migration.version] != migration.checksum:
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
