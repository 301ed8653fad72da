"""Readings that tell no incident: conditions, capabilities, habits, charges, illnesses, seizures
of things, blockades of bills, meetings with the public, hazards that are people."""

from __future__ import annotations

import pytest

from extract.events.readings import (
    a_charge,
    a_habit,
    an_illness_not_an_outbreak,
    blocks_no_way,
    no_hazard_acts,
    seizes_no_place,
    self_inflicted,
    tells_no_incident,
    with_the_public,
)
from extract.events.records import Casualty


def _token(sentence, word: str):
    return next(t for t in sentence if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "unreal"),
    [
        pytest.param("He would impose a dictatorship if civil unrest were to take place.", "unrest", True,
                     id="a-condition"),
        pytest.param("They traded advice about legal services in case of mass arrests.", "arrests", True,
                     id="in-case-of"),
        pytest.param("In the case of the two worst explosions, warnings were given.", "explosions", False,
                     id="in-the-case-of-is-real"),
        pytest.param("Iran is working on a missile capable of hitting most areas of Iraq.", "hitting", True,
                     id="a-capability"),
        pytest.param("Huntington referred to the plant which burns pulverized coal.", "burns", True, id="a-habit"),
        pytest.param("The plant burned for three hours on Monday.", "burned", False, id="an-incident"),
        pytest.param("Zhukovskyy pleaded not guilty to seven counts of negligent homicide.", "homicide", True,
                     id="a-charge"),
        pytest.param("Mr. Clarke said many of the problems like drought and extreme floods in Africa were caused by "
                     "climate change.", "floods", True, id="an-example-of-a-kind"),
        pytest.param("It looked like the bombing in Ankara last year.", "bombing", False, id="like-one-named"),
        pytest.param('"Unity means prosperity, because people fight over limited resources," she said.', "fight",
                     True, id="people-do-this-any-time"),
        pytest.param("The road was closed because protesters fought with police on Monday.", "fought", False,
                     id="the-past-is-an-incident"),
        pytest.param("Say Mexico demanded that the United States prove that a migrant was Mexican.", "demanded",
                     True, id="a-case-imagined"),
        pytest.param("Mexico demanded that the United States prove that a migrant was Mexican.", "demanded",
                     False, id="a-demand-made"),
    ],
)
def test_tells_no_incident(sentence_of, event_rules, text, word, unreal):
    token = _token(sentence_of(text), word)
    assert tells_no_incident(token, token.pos_ == "VERB", False, event_rules) is unreal


def test_a_charge_with_its_victim_told_still_counts(sentence_of, event_rules):
    token = _token(sentence_of("A man was charged with murder in the death of his wife."), "murder")
    assert a_charge(token, event_rules) and not tells_no_incident(token, False, True, event_rules)


@pytest.mark.parametrize(
    ("text", "word", "own_doing"),
    [
        pytest.param("Navy veteran Peter Kaisen, 76, shot himself in the parking lot of a veterans hospital.", "shot",
                     True, id="a-suicide"),
        pytest.param("A suicide bomber blew himself up at a checkpoint in Kabul.", "blew", False,
                     id="a-suicide-bombing"),
        pytest.param("The gunman shot three people before he turned the gun on himself.", "shot", False,
                     id="others-shot"),
    ],
)
def test_self_inflicted(sentence_of, text, word, own_doing):
    assert self_inflicted(_token(sentence_of(text), word)) is own_doing


def test_often_is_a_habit(sentence_of, event_rules):
    assert a_habit(_token(sentence_of("Trump and Sanders often blame China."), "blame"), event_rules)
    assert not a_habit(_token(sentence_of("Trump blamed China on Monday."), "blamed"), event_rules)


@pytest.mark.parametrize(
    ("text", "n_counted", "illness"),
    [
        pytest.param("Conway died on Saturday, reportedly from COVID-19.", 1, True, id="one-person"),
        pytest.param("As cases of coronavirus increased in Florida, the convention moved.", 0, True,
                     id="background"),
        pytest.param("The virus had killed at least 813 in China.", 813, False, id="a-counted-outbreak"),
        pytest.param("Iran reported 1,501 confirmed cases of the coronavirus.", 0, False, id="cases-counted"),
        pytest.param("A storm flooded 300 homes.", 0, False, id="no-disease"),
    ],
)
def test_a_disease_is_an_incident_only_as_a_counted_outbreak(event_rules, text, n_counted, illness):
    parts = [Casualty("killed", "people", None, n_counted, None, True, 0, 1)] if n_counted else []
    assert an_illness_not_an_outbreak("Natural disaster", text, parts, event_rules) is illness


@pytest.mark.parametrize(
    ("text", "word", "no_place"),
    [
        pytest.param("Police seized the drugs from a home.", "seized", True, id="drugs"),
        pytest.param("Less than one percent of the emails were captured.", "captured", True, id="emails"),
        pytest.param("He seized on the issue of religious liberty.", "seized", True, id="seized-on"),
        pytest.param("Rebels seized the town of Kidal.", "seized", False, id="a-town"),
        pytest.param("Rebels seized Kidal on Sunday.", "seized", False, id="a-named-place"),
        pytest.param("The army captured two rebel commanders.", "captured", False, id="people"),
        pytest.param("Insurgents seized control of the city.", "seized", False, id="control"),
    ],
)
def test_a_seizure_of_things_takes_no_place(sentence_of, event_rules, text, word, no_place):
    assert seizes_no_place(_token(sentence_of(text), word), event_rules) is no_place


@pytest.mark.parametrize(
    ("text", "no_way"),
    [
        pytest.param("Senate Democrats blocked a funding package.", True, id="a-bill"),
        pytest.param("Saudi authorities have blocked nearly 400,000 websites.", True, id="websites"),
        pytest.param("Protesters blocked the highway.", False, id="a-highway"),
        pytest.param("Rebels blocked transport into Abidjan.", False, id="transport-into-a-city"),
    ],
)
def test_blocking_is_a_protest_only_of_a_way(sentence_of, event_rules, text, no_way):
    assert blocks_no_way(_token(sentence_of(text), "blocked"), event_rules) is no_way


@pytest.mark.parametrize(
    ("text", "public"),
    [
        pytest.param("He spoke during a meeting with reporters.", True, id="reporters"),
        pytest.param("The board set a shareholders' meeting.", True, id="shareholders"),
        pytest.param("He spoke at a town hall meeting.", True, id="town-hall"),
        pytest.param("He spoke at an electoral meeting of the party.", True, id="electoral"),
        pytest.param("He held a meeting with the Iranian envoy.", False, id="an-envoy"),
    ],
)
def test_a_meeting_with_the_public_is_no_diplomacy(sentence_of, event_rules, text, public):
    assert with_the_public(_token(sentence_of(text), "meeting"), event_rules) is public


def test_people_flooding_are_no_flood(sentence_of, event_rules):
    assert no_hazard_acts(_token(sentence_of("Millions of people flooding into Europe."), "flooding"), event_rules)
    assert not no_hazard_acts(_token(sentence_of("The river flooded the town."), "flooded"), event_rules)
