"""Places: the seed's toponyms resolve offline, with transliteration and a country prior."""

from __future__ import annotations

import pytest

from tests.conftest import SEEDS_DIR
from transforms.places import consonant_key, load_gazetteer, place_key, place_mentions, resolve_place

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
    entities = [(0, 5, "Tunis", "LANGUAGE"), (10, 16, "Kobane", "ORG"), (20, 24, "ISIS", "ORG"),
                (30, 35, "Yemen", "GPE"), (40, 49, "JM Berger", "PERSON")]
    mentions = place_mentions(entities, gazetteer, SEED_COUNTRIES)
    assert [(m.text, m.label, m.match.place.country_iso3) for m in mentions] == [
        ("Tunis", "LANGUAGE", "TUN"), ("Kobane", "ORG", "SYR"), ("Yemen", "GPE", "YEM")]
