"""A quote's words as a span: trimmed of edge punctuation and of its own quotation marks, and long
enough to stand alone or not."""

from __future__ import annotations

import pytest

from extract.quote_marks import Quotations, find_quoted_spans
from extract.quote_spans import is_standalone, trimmed


def span_of(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


@pytest.mark.parametrize("text, content, expected", [
    ('He said, "We will rebuild."', ' "We will rebuild."', "We will rebuild"),
    ("He said that the talks had failed.", " that the talks had failed.", "that the talks had failed"),
    ('"It is over," she said.', '"It is over,"', "It is over"),
    ("Nothing, he said.", ", ", None),
])
def test_content_loses_its_edges_and_its_own_marks(text, content, expected):
    quotations = Quotations(find_quoted_spans(text))
    found = trimmed(text, span_of(text, content), quotations)
    assert (text[found[0]:found[1]] if found else None) == expected


@pytest.mark.parametrize("text, standalone", [
    ('She called it "a non-starter".', False),
    ('"We will not give up the fight," she said.', True),
])
def test_a_quotation_of_four_words_stands_alone(text, standalone):
    quotation = find_quoted_spans(text)[0]
    assert is_standalone(text, quotation) is standalone
