"""The typed seed loader: each cell typed by its dataclass field, a bad file named with its line."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from seedrows import SeedError, read_column, read_rows


@dataclass(frozen=True)
class WordRow:
    word: str
    n: int
    share: float
    vague: bool
    kind: str | None
    pos: frozenset[str]


def write(tmp_path, text):
    path = tmp_path / "rule.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("line, expected", [
    ("dozens,24,0.5,true,,NOUN|NUM", WordRow("dozens", 24, 0.5, True, None, frozenset({"NOUN", "NUM"}))),
    ("one,1,1,false,count,NUM", WordRow("one", 1, 1.0, False, "count", frozenset({"NUM"}))),
    ("a,1,1,,,", WordRow("a", 1, 1.0, False, None, frozenset())),
])
def test_every_cell_takes_its_fields_type(tmp_path, line, expected):
    path = write(tmp_path, f"word,n,share,vague,kind,pos,note\n{line},a note the loader ignores\n")
    assert read_rows(path, WordRow) == (expected,)


@pytest.mark.parametrize("text, message", [
    ("word,n,share,vague,kind\nten,10,1,false,\n", "no column pos"),
    ("word,n,share,vague,kind,pos\nten,10,1,false,,\nmany,lots,1,true,,\n", "line 3, column n"),
    ("word,n,share,vague,kind,pos\nten,10,1,yes,,\n", "line 2, column vague: 'yes' is neither true nor false"),
])
def test_a_bad_seed_file_is_named_with_its_line(tmp_path, text, message):
    with pytest.raises(SeedError, match=message):
        read_rows(write(tmp_path, text), WordRow)


def test_a_word_list_is_one_column_in_file_order(tmp_path):
    path = write(tmp_path, "lemma,why\nstrike,a blow\nhit,\n")
    assert read_column(path, "lemma") == ("strike", "hit")


def test_a_field_type_no_cell_can_hold_is_refused(tmp_path):
    @dataclass(frozen=True)
    class Odd:
        word: list

    with pytest.raises(TypeError, match="no seed column can hold"):
        read_rows(write(tmp_path, "word\nx\n"), Odd)
