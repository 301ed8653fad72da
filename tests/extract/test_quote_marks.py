"""Quotation marks: pairing, apostrophes, paragraphs, unbalanced marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.quote_marks import find_quoted_spans, has_wrapped_lines, looks_like_title


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


WRAPPED = ('LUND, March 3 - The harbour board said it would sell the\nold pier to the town council for an undisclosed\n'
           'sum.\n    "We have waited ten years for this and we will not\nwait another winter," the mayor told\nreporters.\n'
           '    "The pier is the heart of the town. Without it the\nfishermen have nowhere to land.\n'
           '    "We will open it again in May," she added.')


def test_a_quotation_over_wrapped_lines_is_one_quotation():
    assert has_wrapped_lines(WRAPPED)
    assert quoted_texts(WRAPPED)[0] == "We have waited ten years for this and we will not\nwait another winter,"


def test_in_wrapped_text_an_indented_paragraph_continues_an_open_quotation():
    # the second quotation's paragraph ends open and the next one reopens it: one quotation
    assert quoted_texts(WRAPPED)[1].startswith("The pier is the heart of the town.")
    assert quoted_texts(WRAPPED)[1].endswith("We will open it again in May,")


def test_text_with_a_paragraph_a_line_is_not_wrapped():
    text = 'The mayor spoke first.\n"We will rebuild," she said.\nThe council agreed.\n"It will take years."'
    assert not has_wrapped_lines(text)
