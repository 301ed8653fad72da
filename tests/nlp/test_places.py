"""Places: the seed's toponyms resolve offline, with transliteration and a country prior."""

from __future__ import annotations

import pytest

from nlp.gazetteer_store import load_gazetteer
from nlp.places import PlaceContext, consonant_key, place_key, resolve_place
from nlp.toponyms import place_mentions
from tests.conftest import SEEDS_DIR

SEED_COUNTRIES = {"SY", "IQ", "TN", "YE", "TR"}


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer(SEEDS_DIR)


@pytest.mark.parametrize(
    ("text", "name", "iso3", "precision"),
    [
        pytest.param("Tunis", "Tunis", "TUN", "exact", id="tunis"),
        pytest.param("the Tunisian capital", "Tunis", "TUN", "exact", id="demonym-capital"),
        pytest.param("Yemen", "Yemen", "YEM", "country", id="country"),
        pytest.param("Kobane", "‘Ayn al ‘Arab", "SYR", "exact", id="kobane"),
        pytest.param("Raqa", "Ar Raqqah", "SYR", "exact", id="afp-spelling-raqa"),
        pytest.param("Deir Ezzor", "Deir ez-Zor", "SYR", "exact", id="afp-spelling-deir-ezzor"),
        pytest.param("Damascus", "Damascus", "SYR", "exact", id="prior-beats-damascus-usa"),
        pytest.param("Tikrit", "Tikrīt", "IRQ", "exact", id="tikrit"),
    ],
)
def test_seed_toponyms(gazetteer, text, name, iso3, precision):
    match = resolve_place(text, gazetteer, SEED_COUNTRIES)
    assert (match.place.name, match.place.country_iso3, match.precision) == (name, iso3, precision)
    assert -90 <= match.place.latitude <= 90 and match.reason


def test_an_unknown_place_keeps_its_text_and_says_why(gazetteer):
    match = resolve_place("Maidan Wardak", gazetteer)
    assert (match.text, match.place, match.precision) == ("Maidan Wardak", None, "unknown")
    assert "not in the gazetteer" in match.reason


def test_keys_tolerate_transliteration():
    assert place_key("Raqqa") == place_key("Raqa")
    assert place_key("Deir ez-Zor") == place_key("Deir Ezzor")
    assert consonant_key("Kobane") == consonant_key("Kobani")


def test_place_labels_are_repaired_after_ner(gazetteer):
    text = "in Tunis, in Kobane, ISIS in Yemen by JM Berger"
    entities = [(3, 8, "Tunis", "LANGUAGE"), (13, 19, "Kobane", "ORG"), (21, 25, "ISIS", "ORG"),
                (29, 34, "Yemen", "GPE"), (38, 47, "JM Berger", "PERSON")]
    assert all(text[s:e] == t for s, e, t, _ in entities)
    mentions = place_mentions(entities, gazetteer, SEED_COUNTRIES, text).mentions
    assert [(m.text, m.label, m.match.place.country_iso3) for m in mentions] == [
        ("Tunis", "LANGUAGE", "TUN"), ("Kobane", "ORG", "SYR"), ("Yemen", "GPE", "YEM")]


@pytest.mark.parametrize(
    ("text", "context", "name", "admin1", "precision"),
    [
        pytest.param("Clinton, Md.", PlaceContext(), "Clinton", "US.MD", "exact", id="state-qualified"),
        pytest.param("Clinton, Iowa", PlaceContext(), "Clinton", "US.IA", "exact", id="state-spelled-out"),
        pytest.param("Ala.", PlaceContext(), "Alabama", "US.AL", "admin1", id="ap-abbreviation-not-kazakhstan"),
        pytest.param("Chester, S.C.", PlaceContext(), "Chester", "US.SC", "exact", id="dateline-with-its-state"),
        pytest.param("Philadelphia", PlaceContext(), "Philadelphia", "US.PA", "exact", id="not-amman-by-alias"),
        pytest.param("Washington", PlaceContext(frozenset({"US"})), "Washington", "US.DC", "exact",
                     id="the-capital-not-the-state"),
        pytest.param("Georgia", PlaceContext(frozenset({"US"})), "Georgia", "US.GA", "admin1", id="the-us-state"),
        pytest.param("Georgia", PlaceContext(frozenset({"GE"})), "Georgia", None, "country", id="the-country"),
        pytest.param("Mexico", PlaceContext(home="US"), "Mexico", None, "country", id="the-country-not-its-capital"),
        pytest.param("North Carolina", PlaceContext(admin1s=frozenset({"US.OH"})), "North Carolina", "US.NC", "admin1",
                     id="a-states-name-is-no-town"),
        pytest.param("Canton", PlaceContext(home="US", admin1s=frozenset({"US.OH"})), "Canton", "US.OH", "exact",
                     id="home-beats-guangzhou"),
        pytest.param("Athens", PlaceContext(admin1s=frozenset({"US.GA"})), "Athens", "US.GA", "exact",
                     id="state-named-beats-capital"),
    ],
)
def test_the_article_decides_among_namesakes(gazetteer, text, context, name, admin1, precision):
    match = resolve_place(text, gazetteer, context)
    assert (match.place.name, match.place.admin1, match.precision) == (name, admin1, precision)


def test_a_small_town_abroad_is_not_a_us_storys_place(gazetteer):
    """ "Colbert" in a Georgia story is no Algerian town once called Colbert."""
    assert resolve_place("Colbert", gazetteer, PlaceContext(home="US")).place is None or \
        resolve_place("Colbert", gazetteer, PlaceContext(home="US")).place.country_iso2 == "US"
    assert resolve_place("Colbert", gazetteer).place is not None
