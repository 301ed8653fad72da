"""Quotation marks: pairing, apostrophes, paragraphs, unbalanced marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.quote_marks import find_quoted_spans, looks_like_title


def quoted_texts(text):
    return [text[q.start:q.end] for q in find_quoted_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('"Expansion is their strategy," said Berger.', ["Expansion is their strategy,"], id="straight"),
        pytest.param("“We will rebuild,” she said.", ["We will rebuild,"], id="curly"),
        pytest.param("a key part of ISIS' recruiting and ISIS' goals", [], id="possessive-apostrophes"),
        pytest.param("I don't think it's over, they're sure.", [], id="contractions"),
        pytest.param("its self-styled 'caliphate' in 2014", ["caliphate"], id="single-scare-quote"),
        pytest.param('He said "one thing.\n\n"And another," he added.', ['one thing.\n\n"And another,'],
                     id="quote-continued-in-next-paragraph"),
        pytest.param('He said "never closed.\n\nNext paragraph without a mark.', [], id="unclosed-is-dropped"),
        pytest.param('Unbalanced " mark and "a real quote here" end', ["a real quote here"], id="stray-mark"),
        pytest.param('"Outer \'inner words\' outer," he said.', ["Outer 'inner words' outer,"], id="nested-single"),
    ],
)
def test_find_quoted_spans(text, expected):
    assert quoted_texts(text) == expected


@pytest.mark.parametrize(
    ("text", "is_title"),
    [("ISIS: the State of Terror", True), ("The Lord of the Rings", True),
     ("it has no real territorial presence", False), ("caliphate", False)],
)
def test_looks_like_title(text, is_title):
    assert looks_like_title(text) is is_title


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,'\"“”‘’\n")), max_size=80))
def test_marks_never_raise_and_spans_are_in_bounds(text):
    for q in find_quoted_spans(text):
        assert 0 <= q.open_start < q.start <= q.end < q.close_end <= len(text)
