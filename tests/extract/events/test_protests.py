"""Protests: a gathering word is a protest unless it has an object, is a speaker's venue, or
needs a cue the text does not give."""

from __future__ import annotations

import pytest

from extract.events.protests import protests

CASES = [
    ("Thousands of students rallied against the new law in Santiago.", "rallied", True),
    ("The senator demonstrated his commitment to the plan.", "demonstrated", False),
    ("Speaking at a rally in Novi, Trump said the election was rigged.", "rally", False),
    ("Hundreds of workers marched through the capital on Sunday.", "marched", False),  # a march needs a cue
    ("Hundreds of workers marched through the capital on Sunday, demanding higher wages.", "marched", True),
    ("Police fired tear gas at protesters in the capital.", "protesters", True),  # no gathering word
]


@pytest.fixture(scope="module")
def parsed(nlp):
    texts = [text for text, *_ in CASES]
    return {text: next(doc.sents) for text, doc in zip(texts, nlp.pipe(texts))}


@pytest.mark.parametrize("text, word, expected", CASES)
def test_a_gathering_is_a_protest_only_when_the_sentence_says_so(parsed, event_rules, text, word, expected):
    sentence = parsed[text]
    token = next(t for t in sentence if t.text == word)
    assert protests(token, sentence, event_rules) is expected
