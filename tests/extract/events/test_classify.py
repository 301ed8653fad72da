"""Typing: a sentence's class, decided from the whole sentence, the most specific cue first."""

from __future__ import annotations

import pytest

from extract.events.classify import Sides, classify
from extract.events.triggers import find_triggers


def _class_of(sentence, rules, sides=Sides()):
    typing = classify(sentence.text, sentence.start_char, find_triggers(sentence, rules), rules, sides)
    return typing.event_class.name if typing else None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("Four rockets fired from across the border slammed into the town, killing seven.",
                     "Shelling/artillery/missile attack", id="rockets-not-a-plain-attack"),
        pytest.param("The US warplanes pounded the village, killing 6 civilians.", "Air/drone strike", id="warplanes"),
        pytest.param("Three suicide bombers blew themselves up near the police headquarters.", "Suicide bomb",
                     id="suicide"),
        pytest.param("A roadside bomb exploded as a patrol passed, wounding two soldiers.",
                     "Remote explosive/landmine/IED", id="roadside-bomb"),
        pytest.param("A suspected gas explosion destroyed an apartment block on Monday.", "Man-made disaster",
                     id="a-gas-explosion-is-no-bomb"),
        pytest.param("Grenades were hurled at a police patrol on Saturday.", "Grenade", id="grenade"),
        pytest.param("Police fired tear gas to disperse the protesters on Sunday.", "Protest with intervention",
                     id="protest-dispersed"),
        pytest.param("Protesters threw stones at police and set fire to cars.", "Violent demonstration",
                     id="protesters-violent"),
        pytest.param("Thousands of people marched peacefully through the capital on Saturday.", "Peaceful protest",
                     id="peaceful-march"),
        pytest.param("Gunmen abducted 20 villagers on Friday.", "Abduction/forced disappearance", id="abduction"),
        pytest.param("Police seized a cache of weapons and explosives in a raid.", "Disrupted weapons use",
                     id="weapons-seized"),
        pytest.param("Turkish forces set up a new observation point in the province.",
                     "Headquarters or base established", id="base"),
        pytest.param("A strong earthquake killed eight people on the island of Java.", "Natural disaster",
                     id="earthquake"),
        pytest.param("A bus crashed into a truck on the highway, killing seven.", "Man-made disaster", id="bus-crash"),
        pytest.param("Police arrested three members of a drug cartel on Tuesday.", "Organized crime",
                     id="cartel-arrests"),
        pytest.param("Police arrested three men on Tuesday.", "Arrests", id="arrests"),
        pytest.param("Russia expelled two US diplomats on Monday.", "Diplomatic event", id="expulsion"),
    ],
)
def test_classes(sentence_of, event_rules, sentence, expected):
    assert _class_of(sentence_of(sentence), event_rules) == expected


def test_who_takes_a_place_decides_the_territory_class(sentence_of, event_rules):
    sentence = sentence_of("Government forces recaptured the town on Thursday.")
    assert _class_of(sentence, event_rules, Sides("MIL", True)) == "Government regains territory"
    assert _class_of(sentence, event_rules, Sides("REB", False)) == "Non-state actor overtakes territory"


def test_an_attack_on_soldiers_is_a_battle(sentence_of, event_rules):
    sentence = sentence_of("Militants attacked the village on Monday.")
    assert _class_of(sentence, event_rules, Sides("REB", False, frozenset({"MIL"}))) == "Armed clash"
    assert _class_of(sentence, event_rules, Sides("REB", False, frozenset({"CVL"}))) == "Attack"


def test_only_harm_words_give_no_class(sentence_of, event_rules):
    assert _class_of(sentence_of("He later died at the hospital."), event_rules) is None
