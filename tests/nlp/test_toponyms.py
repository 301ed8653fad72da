"""Toponyms: only names used as places are places, and the article decides which place."""

from __future__ import annotations

import re

import pytest

from extract.events.rules import load_event_rules
from nlp.gazetteer_store import load_gazetteer
from nlp.toponyms import looks_like_a_name, person_name_keys, place_mentions
from tests.conftest import SEEDS_DIR


@pytest.fixture(scope="module")
def rules():
    return load_event_rules(SEEDS_DIR, load_gazetteer(SEEDS_DIR))


def _entities(text: str, marked: list[tuple[str, str]]) -> list[tuple[int, int, str, str]]:
    """(text, label) pairs found in order in the text."""
    found, at = [], 0
    for name, label in marked:
        start = text.index(name, at)
        found.append((start, start + len(name), name, label))
        at = start + len(name)
    return found


@pytest.mark.parametrize(
    ("text", "marked", "places"),
    [
        pytest.param("Hillary Clinton spoke. Voters in Ohio doubt Clinton.",
                     [("Hillary Clinton", "PERSON"), ("Ohio", "GPE"), ("Clinton", "GPE")], ["Ohio"],
                     id="a-surname-is-no-place"),
        pytest.param("Carl DeMaio hosts a show. DeMaio said the plan failed.",
                     [("Carl DeMaio", "PERSON"), ("DeMaio", "GPE")], [], id="a-surname-tagged-gpe"),
        pytest.param("He did n't go to Paris.", [("n't", "GPE"), ("Paris", "GPE")], ["Paris/FR"], id="fragment"),
        pytest.param("Friends who spoke to CBS3 and the FBI", [("CBS3", "GPE"), ("FBI", "GPE")], [],
                     id="acronyms-and-call-signs"),
        pytest.param("A man was shot in Clinton, Md., police said.", [("Clinton", "GPE")], ["Clinton/US"],
                     id="a-qualified-town-is-a-place"),
        pytest.param("Officers in Lafayette, La., responded.", [("Lafayette", "GPE")], ["Lafayette/US"],
                     id="ap-state"),
        pytest.param("A Stark County deputy said the man fled from Canton toward Massillon.",
                     [("Stark County", "GPE"), ("Canton", "GPE"), ("Massillon", "GPE")],
                     ["Stark County", "Canton/US", "Massillon/US"], id="a-us-story-keeps-canton-in-ohio"),
        pytest.param("The meeting in Tunis was about Syria.", [("Tunis", "GPE"), ("Syria", "GPE")],
                     ["Tunis/TN", "Syria"], id="foreign-news-unchanged"),
    ],
)
def test_only_places_are_placed(rules, text, marked, places):
    entities = _entities(text, marked)
    found = place_mentions(entities, rules.gazetteer, (), text, rules.not_places, rules.country_cues).mentions
    got = []
    for m in found:
        place = m.match.place
        if place is None:
            got.append(m.text)
        elif place.feature == "city":
            got.append(f"{m.text}/{place.country_iso2}")
        else:
            got.append(m.text)
    assert got == places
    qualified = [m.match.place.admin1 for m in found if m.match.place and ", " in m.match.text]
    assert qualified in ([], ["US.MD"], ["US.LA"])
    if "Md." in text or "La.," in text:
        assert qualified


@pytest.mark.parametrize(("text", "name"), [("in the 100 block of East Market Street", "Market"),
                                           ("according to the Manatee County Sheriff's Office", "Manatee")])
def test_a_streets_or_countys_name_is_no_town(rules, text, name):
    entities = _entities(text, [(name, "GPE")])
    found = place_mentions(entities, rules.gazetteer, (), text, rules.not_places, rules.country_cues,
                           not_town_before=rules.not_town_before).mentions
    assert found == []


def test_person_names_are_kept_whole_and_by_word():
    keys = person_name_keys([(0, 15, "Hillary Clinton", "PERSON"), (20, 24, "Ohio", "GPE")])
    assert {"clinton", "hilary", "hilaryclinton"} <= keys and "ohio" not in keys


@pytest.mark.parametrize(("text", "expected"), [("U.S.", True), ("Deir Ezzor", True), ("n't", False),
                                                ("police", False), ("CBS3", False), ("NYPD", False)])
def test_what_looks_like_a_place_name(rules, text, expected):
    assert looks_like_a_name(text, rules.not_places, rules.gazetteer.country_aliases) is expected


def test_the_dateline_is_resolved_in_the_storys_country(rules):
    text = "Birmingham police said a Jefferson County deputy was shot in Bessemer."
    entities = _entities(text, [("Jefferson County", "GPE"), ("Bessemer", "GPE")])
    places = place_mentions(entities, rules.gazetteer, (), text, rules.not_places, rules.country_cues,
                            dateline="BIRMINGHAM")
    assert places.context.home == "US"
    assert places.dateline.place.country_iso2 == "US" and re.match("Birmingham", places.dateline.place.name)
