"""Events: the seed's events as DESIGN §3 gives them (a golden test), and casualty counting."""

from __future__ import annotations

from datetime import date

import pytest

from flows.evaluate import evaluate_event_gold
from tests.conftest import PROJECT_ROOT
from transforms.event_gold import read_event_gold_dir
from transforms.events import casualties_in

# (PLOVER type, mode, ACLED sub-event type, date, country, place as written, fatalities, actor, claimed by)
SEED_EVENTS = [
    ("ASSAULT", None, "Attack", date(2015, 3, 18), "TUN", "the Tunisian capital", 21, "Islamic State", "Islamic State"),
    ("ASSAULT", "suicide attack", "Suicide bomb", date(2015, 3, 20), "YEM", "Yemen", 142, "Islamic State", None),
    ("ASSAULT", None, "Armed clash", None, "IRQ", "Tikrit", None, None, None),
    ("ASSAULT", None, "Non-state actor overtakes territory", None, "SYR", "Kobane", None, "Kurdish forces", None),
    ("ASSAULT", None, "Armed clash", None, "SYR", "Deir Ezzor", None, "rebel forces", None),
    ("COERCE", "arrest", "Arrests", None, "TUR", "Ankara", None, "it", None),
]


def test_seed_events(seed_batch):
    got = [(e.event_type, e.event_mode, e.acled_sub_event_type, e.event_date, e.country_iso3, e.place_text,
            e.fatalities, next((a.canonical for a in e.actors if a.role == "actor"), None), e.claimed_by)
           for e in seed_batch.events]
    assert got == SEED_EVENTS


def test_seed_event_details(seed_batch):
    bardo, yemen = seed_batch.events[:2]
    assert [(c.victim_text, c.n) for c in bardo.casualties] == [("tourists", 20), ("policeman", 1)]
    assert (bardo.responsibility_status, bardo.date_text, bardo.geo_precision) == ("claimed", "Wednesday", "exact")
    assert yemen.date_text == "Just two days later"  # counted from the Bardo attack, not from publication
    assert (yemen.geo_precision, yemen.actors[0].text) == ("country", "its suicide bombers")
    raw_text = seed_batch.articles[0].raw_text
    for event in seed_batch.events:
        assert raw_text[event.trigger_start:event.trigger_end] == event.trigger_text
        assert "BEIRUT" not in (event.place_text or "")  # the dateline is never the event place
    assert not any("battles have killed" in raw_text[e.sentence_start:e.sentence_end] for e in seed_batch.events)


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        pytest.param("20 tourists and one policeman were killed", [("killed", 20, None), ("killed", 1, None)],
                     id="parts-add-up"),
        pytest.param("killing 142 people in mosques", [("killed", 142, None)], id="killing-n"),
        pytest.param("At least 39 are confirmed dead", [("killed", 39, "at least")], id="qualifier"),
        pytest.param("dozens of people were injured", [("injured", 12, None)], id="dozens-is-12"),
        pytest.param("At least five other civilians reportedly also died", [("killed", 5, "at least")],
                     id="words-between-count-and-verb"),
        pytest.param("The ministry said talks went well", [], id="no-casualties"),
    ],
)
def test_casualties(sentence, parts):
    assert [(c.kind, c.n, c.qualifier) for c in casualties_in(sentence)] == parts


@pytest.mark.xfail(strict=True, reason="issue 4: Tikrit's assailant ('under major assault by Iraqi armed forces') "
                                       "is not found; the trigger phrase has no noun head to hang 'by' on")
def test_tikrit_assault_has_the_iraqi_forces_as_actor(seed_batch):
    tikrit = seed_batch.events[2]
    assert [(a.canonical, a.sector, a.country_iso3) for a in tikrit.actors if a.role == "actor"] == [
        ("Iraqi armed forces", "MIL", "IRQ")]


EVENT_GOLD_DIR = PROJECT_ROOT / "tests" / "gold" / "events"


@pytest.fixture(scope="module")
def event_gold_score(nlp, extraction_rules):
    return evaluate_event_gold(read_event_gold_dir(EVENT_GOLD_DIR), nlp, extraction_rules)


def test_event_gold_has_the_seed_and_15_conflict_articles():
    names = [p.stem for p in EVENT_GOLD_DIR.glob("*.json")]
    assert "seed_isis_afp" in names and len(names) >= 16


def test_floors_on_event_gold(event_gold_score):
    """Measured when set: 42 gold events, P 0.639, R 0.548, type 0.913, country 0.870 of 23,
    killed exact 0.889 of 9, day 0.750 of 12. Floors only go up."""
    score = event_gold_score
    assert score.precision >= 0.60
    assert score.recall >= 0.52
    assert score.type_accuracy >= 0.90
    assert score.country_accuracy >= 0.85
    assert score.killed_exact >= 0.85
    assert score.date_accuracy >= 0.70


@pytest.mark.xfail(strict=True, reason="issue 4 target: country >= 95% (0.870 measured: places named only in a "
                                       "later sentence, the speaker's country taken for the event's)")
def test_country_target(event_gold_score):
    assert event_gold_score.country_accuracy >= 0.95


@pytest.mark.xfail(strict=True, reason="issue 4 target: killed count exact >= 90% (0.889 measured, 8 of 9: competing "
                                       "figures in one article are not reconciled)")
def test_killed_count_target(event_gold_score):
    assert event_gold_score.killed_exact >= 0.90
