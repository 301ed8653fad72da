"""Events: the seed's events as DESIGN §3 gives them (a golden test), and casualty counting."""

from __future__ import annotations

from datetime import date

import pytest

from evaluation import DEFAULT_WIKIEVENTS_DIR
from evaluation.events import evaluate_event_gold, extracted_events
from tests.conftest import PROJECT_ROOT
from evaluation.wikievents import ArgumentMention, score_arguments
from evaluation.event_gold import read_event_gold_dir
from evaluation.wikievents import iter_wikievents
from transforms.events import casualties_in, no_casualties_in

WIKIEVENTS_DEV = DEFAULT_WIKIEVENTS_DIR / "dev.jsonl"

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
        assert event.place_source == "sentence"
    assert [raw_text[c.cue_start:c.cue_end] for c in bardo.casualties] == ["killed", "killed"]
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
    """Measured when set: 42 gold events, P 0.622, R 0.548, type 0.913, country 0.957 of 23,
    killed exact 0.889 of 9, day 0.833 of 12. Floors only go up."""
    score = event_gold_score
    assert score.precision >= 0.60
    assert score.recall >= 0.52
    assert score.type_accuracy >= 0.90
    assert score.country_accuracy >= 0.95
    assert score.killed_exact >= 0.85
    assert score.date_accuracy >= 0.80


def test_country_target(event_gold_score):
    """Issue 4 target: country >= 95% (reached once the dateline's country stands in where the
    article names no other place, and "a U.S. military convoy" stopped being a place)."""
    assert event_gold_score.country_accuracy >= 0.95


@pytest.mark.xfail(strict=True, reason="issue 4 target: killed count exact >= 90% (0.889 measured, 8 of 9: "
                                       "'no casualties were reported' in a sentence with no trigger of its own)")
def test_killed_count_target(event_gold_score):
    assert event_gold_score.killed_exact >= 0.90


def test_no_casualties_are_zero_counts():
    assert [(c.kind, c.n) for c in no_casualties_in("The bomb exploded, but nobody was injured.")] == [
        ("killed", 0), ("injured", 0)]
    assert [(c.kind, c.n) for c in no_casualties_in("No deaths were reported.")] == [("killed", 0)]
    assert no_casualties_in("Two people were injured.") == []


def test_the_dateline_stands_in_only_when_the_article_names_no_other_place(nlp, extraction_rules):
    filed_in_lima = ("LIMA, 16 APR 89 (EFE) -- The police arrested three members of the Shining Path "
                     "guerrilla group on Saturday.")
    named_elsewhere = ("WASHINGTON, 16 APR 89 (AP) -- Police arrested three members of a guerrilla group on "
                       "Saturday. The group is active in Colombia.")
    in_lima, elsewhere = extracted_events([(filed_in_lima, date(1989, 4, 16)), (named_elsewhere, date(1989, 4, 16))],
                                          nlp, extraction_rules)
    assert [(e.country_iso3, e.geo_precision, e.place_source, e.latitude is not None) for e in in_lima] == [
        ("PER", "country", "dateline", True)]
    assert [(e.country_iso3, e.place_source) for e in elsewhere] == [(None, "none")]


def test_arguments_match_by_role_sentence_and_head_word():
    sentence = (0, 80)
    gold = [ArgumentMention("victim", sentence, "general"), ArgumentMention("place", sentence, "Syria"),
            ArgumentMention("attacker", (81, 120), "militants")]
    predicted = [ArgumentMention("victim", sentence, "a Russian major general"),
                 ArgumentMention("place", sentence, "Damascus"),
                 ArgumentMention("attacker", sentence, "militants")]  # right words, wrong sentence
    victims, places, attackers = (score_arguments([(gold, predicted)], role) for role in ("victim", "place", "attacker"))
    assert (victims.n_matched, victims.n_predicted_right) == (1, 1)
    assert (places.n_gold, places.n_matched, places.n_predicted_right) == (1, 0, 0)
    assert (attackers.n_matched, attackers.n_predicted) == (0, 1)


@pytest.mark.skipif(not WIKIEVENTS_DEV.exists(), reason="../shared/eval/wikievents is absent")
def test_wikievents_reader_keeps_attack_die_and_injure_arguments():
    documents = list(iter_wikievents(WIKIEVENTS_DEV))
    first = documents[0]
    assert first.doc_id == "road_ied_8"
    assert ("victim", "general") in {(a.role, a.text) for a in first.arguments}
    for document in documents:
        for argument in document.arguments:
            assert argument.role in ("attacker", "victim", "place")
            assert argument.sentence in document.sentences
