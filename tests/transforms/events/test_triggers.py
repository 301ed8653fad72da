"""Triggers: the words that may report an incident, and the ones that never do."""

from __future__ import annotations

import pytest

from transforms.events.triggers import find_triggers


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("Gunmen attacked a checkpoint in the north.", [("Gunmen", "violence"), ("attacked", "violence")],
                     id="verb"),
        pytest.param("An explosion hit the market on Monday.", [("explosion", "violence")], id="noun"),
        pytest.param("Police opened fire on the crowd.", [("opened fire", "violence")], id="phrase"),
        pytest.param("Kurdish forces pushed it out of Kobane.", [("pushed", "territory")], id="verb-and-particle"),
        pytest.param("Thousands of workers went on strike in Paris.", [("went on strike", "protest")],
                     id="a-labour-strike-is-no-attack"),
        pytest.param("Thousands march in London against Brexit.", [("march", "protest")], id="march-the-verb"),
        pytest.param("The vote was held on March 19.", [], id="march-the-month-is-no-trigger"),
        pytest.param("A price war broke out between the two airlines.", [], id="a-price-war-is-a-metaphor"),
        pytest.param("He died of a heart attack at 87.", [("died", "harm")], id="a-heart-attack-is-an-illness"),
        pytest.param("SIX PEASANTS WERE KILLED IN THE ATTACK ON 19 MARCH.", [("KILLED", "violence"),
                                                                            ("ATTACK", "violence")],
                     id="all-caps-copy"),
    ],
)
def test_triggers(sentence_of, event_rules, sentence, expected):
    found = find_triggers(sentence_of(sentence), event_rules)
    assert [(t.text, t.family) for t in found] == expected
