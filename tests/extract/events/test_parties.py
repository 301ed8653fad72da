"""Parties: which side of a meeting, a deal or a statement speaks for a state."""

from __future__ import annotations

import pytest

from extract.events.parties import is_a_party, side_words


def _token(sentence, word: str):
    return next(t for t in sentence if t.text == word)


@pytest.mark.parametrize(
    ("text", "side", "party"),
    [
        pytest.param("Turkey agreed on a border.", "Turkey", True, id="a-state"),
        pytest.param("The Turkish and Greek sides agreed to share information.", "sides", True,
                     id="sides-a-state-qualifies"),
        pytest.param("President Buhari of Nigeria signed the agreement.", "Buhari", True, id="a-person-of-a-state"),
        pytest.param("Cairo's security chief has warned the group.", "chief", True, id="a-chief-a-city-qualifies"),
        pytest.param("The United States' National Basketball Association suspended its season.", "Association", False,
                     id="a-league-a-state-qualifies"),
        pytest.param("Penteco Corp, a private Tulsa-based company, signed.", "company", False, id="a-firm"),
        pytest.param("Kelly met with Trump.", "Kelly", False, id="a-person-without-office"),
    ],
)
def test_is_a_party(sentence_of, event_rules, text, side, party):
    assert is_a_party(_token(sentence_of(text), side), event_rules) is party


def test_a_place_that_says_where_is_no_side(sentence_of):
    sentence = sentence_of("Sanders met with Clinton in Washington on Tuesday.")
    sides = {t.text for t in side_words(_token(sentence, "met"))}
    assert "Clinton" in sides and "Washington" not in sides


def test_it_is_who_says_so(sentence_of):
    sentence = sentence_of("Russia has said it expelled two US diplomats.")
    assert "Russia" in {t.text for t in side_words(_token(sentence, "expelled"))}
