"""Victims followed across sentences: one person named, then "he" or "the victim", keeps one key;
another person, or a group, does not."""

from __future__ import annotations

import pytest

from extract.events.casualties import VictimPart
from extract.events.records import Casualty
from extract.events.victims import VictimBook

TEXT = "A man was shot on Main Street. He died at the hospital. Another man was wounded. Two women were hurt."


@pytest.fixture(scope="module")
def heads(nlp):
    doc = nlp(TEXT)
    sentences = list(doc.sents)
    return [sentences[0][1], sentences[1][0], sentences[2][1], sentences[3][1]]  # man, He, man, women


def part(victim, n: int = 1) -> VictimPart:
    return VictimPart(Casualty("injured", victim.text, None, n, None, True, 0, 1), victim)


def test_a_pronoun_after_a_victim_is_that_victim_and_another_is_not(heads):
    book = VictimBook()
    keys = [book.keyed([part(head)])[0].victim_key for head in heads[:3]]
    assert keys[0] == keys[1]  # "A man" ... "He"
    assert keys[2] != keys[0]  # "Another man"


def test_a_group_is_counted_without_a_key(heads):
    assert VictimBook().keyed([part(heads[3], n=2)])[0].victim_key is None
