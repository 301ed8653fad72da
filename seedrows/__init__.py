"""Every seed CSV is read through one typed loader: a frozen dataclass names the columns a rule
needs and their types, and a file that lacks a column or holds a value of the wrong type fails
with its path and line, never with a KeyError deep inside an extractor.

Types a field may have: `str` (the cell as written), `str | None` (an empty cell is None), `int`,
`float`, `bool` (`true` or `false`; empty is false) and `frozenset[str]` (cells such as
`NOUN|VERB`, empty parts dropped). Columns the dataclass does not name (`note`, `why`) document
the row for its reader and are not loaded.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

Row = TypeVar("Row")


class SeedError(ValueError):
    """A seed file that does not hold what its rules need."""


def _as_bool(cell: str) -> bool:
    if cell not in ("true", "false", ""):
        raise ValueError(f"{cell!r} is neither true nor false")
    return cell == "true"


def _as_words(cell: str) -> frozenset[str]:
    return frozenset(part for part in cell.split("|") if part)


CONVERTERS: dict[Any, Callable[[str], Any]] = {
    str: str,
    str | None: lambda cell: cell or None,
    int: int,
    float: float,
    bool: _as_bool,
    frozenset[str]: _as_words,
}


@functools.cache
def _columns(row_type: type) -> tuple[tuple[str, Callable[[str], Any]], ...]:
    hints = typing.get_type_hints(row_type)
    columns = []
    for field in dataclasses.fields(row_type):
        if hints[field.name] not in CONVERTERS:
            raise TypeError(f"{row_type.__name__}.{field.name}: no seed column can hold {hints[field.name]}")
        columns.append((field.name, CONVERTERS[hints[field.name]]))
    return tuple(columns)


def read_rows(path: Path, row_type: type[Row]) -> tuple[Row, ...]:
    """Every row of a seed CSV as a `row_type`, in the file's order."""
    columns = _columns(row_type)
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name, _ in columns if name not in (reader.fieldnames or ())]
        if missing:
            raise SeedError(f"{path}: no column {', '.join(missing)} (it has {', '.join(reader.fieldnames or ())})")
        rows = []
        for row in reader:
            values = {}
            for name, convert in columns:
                try:
                    values[name] = convert(row[name] if row[name] is not None else "")
                except ValueError as error:
                    raise SeedError(f"{path}, line {reader.line_num}, column {name}: {error}") from None
            rows.append(row_type(**values))
    return tuple(rows)


def read_column(path: Path, column: str) -> tuple[str, ...]:
    """One column of a seed CSV (a word list whose other columns say why each word is there)."""
    word_row = dataclasses.make_dataclass("WordRow", [(column, str)], frozen=True)
    return tuple(getattr(row, column) for row in read_rows(path, word_row))
