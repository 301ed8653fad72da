"""Triggers: the words that may report an incident, and the ones that never do."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.events.triggers import find_triggers, is_shouting, trigger_starts


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
    span = sentence_of(sentence)
    found = find_triggers(span, event_rules)
    assert [(t.text, t.family) for t in found] == expected
    # looking only at the words whose forms begin a trigger finds the same
    assert find_triggers(span, event_rules, trigger_starts(span.doc, event_rules)) == found


def test_trigger_starts_are_the_words_a_trigger_begins_with(nlp, event_rules):
    doc = nlp("Police opened fire. Thousands of workers went on strike.")
    # every word that begins some trigger ("on strike" too); the search then decides
    starts = [t.text for t, start in zip(doc, trigger_starts(doc, event_rules)) if start]
    assert starts == ["opened", "fire", "went", "on", "strike"]
    assert len(trigger_starts(nlp(""), event_rules)) == 0


@pytest.mark.parametrize(
    ("sentence", "word", "kind"),
    [
        pytest.param("You won't accept a beheading video on a site.", "beheading", True, id="a-beheading-video"),
        pytest.param("Comey attributed rising murder rates to caution.", "murder", True, id="murder-rates"),
        pytest.param("He hosts a Sunday talk show.", "talk", True, id="a-talk-show"),
        pytest.param("A judge signed an arrest warrant for him.", "arrest", True, id="an-arrest-warrant"),
        pytest.param("They worked on the land attack missile.", "attack", True, id="an-attack-missile"),
        pytest.param("The shooting victim died in hospital.", "shooting", False, id="a-shooting-victim"),
        pytest.param("Police named a robbery suspect.", "robbery", False, id="a-robbery-suspect"),
        pytest.param("Two men died in a shooting spree.", "shooting", False, id="a-shooting-spree"),
        pytest.param("He was killed in a bomb blast.", "bomb", False, id="a-bomb-blast"),
        pytest.param("They fired 150 mortar rounds at the base.", "mortar", False, id="a-weapon-stays-a-weapon"),
        pytest.param("A burning car blocked the road.", "burning", False, id="a-burning-car-burns"),
    ],
)
def test_a_word_that_only_names_a_kind_is_no_trigger(sentence_of, event_rules, sentence, word, kind):
    """ "a beheading video" is a video; "the shooting victim" is of a shooting
    (seeds/events/incident_heads.csv)."""
    found = {t.token.text for t in find_triggers(sentence_of(sentence), event_rules)}
    assert (word not in found) is kind


def _shouting_as_defined(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


@given(st.text(alphabet=st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 3 + "abcdefghijklmnopqrstuvwxyz .,-'19ÉéÀßﬁǅ\n"),
               max_size=60))
def test_shouting_is_counted_as_defined(text):
    assert is_shouting(text) == _shouting_as_defined(text)


@pytest.mark.parametrize("text, shouting", [
    ("SAN SALVADOR, 3 JAN 90 -- THE ARCE BATTALION COMMAND HAS REPORTED", True),
    ("The Arce battalion command has reported that about 50 peasants", False),
    ("LES FORCES ARMÉES ONT SIGNALÉ UNE ATTAQUE À L'AUBE", True),  # not ASCII
    ("FMLN [TEXT] 20", False),  # too few letters to tell
    ("ABCDEFGHIJKLMNOPQRSTUVWX yyyzzz", False),  # 24 capitals of 30 letters: not more than 80%
])
def test_all_caps_copy_is_told_from_prose(text, shouting):
    assert is_shouting(text) is shouting
