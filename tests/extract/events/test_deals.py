"""Meetings and deals: a view shared is no deal; a course of action agreed is one."""

from __future__ import annotations

import pytest

from extract.events.deals import a_view

CASES = [
    ("They agreed that the current agreement had worked relatively well.", True),
    ("They agreed that their countries should cooperate on security.", False),
    ("The two sides agreed to a ceasefire.", False),  # no clause: an agreement made
]


@pytest.fixture(scope="module")
def agreed(nlp):
    texts = [text for text, _ in CASES]
    return {text: next(t for t in doc if t.lemma_ == "agree") for text, doc in zip(texts, nlp.pipe(texts))}


@pytest.mark.parametrize("text, view", CASES)
def test_agreeing_that_something_is_so_is_a_view(agreed, event_rules, text, view):
    assert a_view(agreed[text], event_rules) is view
