"""Claims and modality: who claimed an event, and whether it is said to have happened."""

from __future__ import annotations

import pytest

from extract.events.claims import modality_of, responsibility
from extract.events.records import EventActor


def test_a_claim_names_the_claimant(events_of):
    events = events_of("On Wednesday, ISIS claimed responsibility for an attack on a museum in Tunis in which "
                       "21 people were killed.", None)
    assert [(e.responsibility_status, e.claimed_by, e.event_class) for e in events] == [
        ("claimed", "Islamic State", "Attack")]


def test_a_denial(events_of):
    events = events_of("The Taliban denied any responsibility for the bombing in Kabul on Monday that killed "
                       "17 people.")
    assert [e.responsibility_status for e in events] == ["denied"]


def test_a_claim_alone_is_an_attribution(events_of):
    events = events_of("The group claimed responsibility on its website on Tuesday.")
    assert [e.event_class for e in events] == ["Attribution of responsibility"]


# Modality and responsibility read directly off one parsed sentence each; the sentences are
# parsed once for the module.
MODALITY = [
    ("Gunmen attacked the village on Monday.", "attacked", "asserted"),
    ("Gunmen did not attack the village.", "attack", "negated"),
    ("Gunmen could attack the village.", "attack", "hypothetical"),
    ("Gunmen would attack the village if they could.", "attack", "hypothetical"),
    ("Gunmen will attack the village.", "attack", "future"),
    ("Gunmen shall attack the village.", "attack", "future"),
]
RESPONSIBILITY = [
    ("ISIS claimed responsibility for the attack.", "claimed"),
    ("The Taliban denied any involvement in the bombing.", "denied"),
    ("Officials blamed the rebels for the blast.", "attributed"),
    ("A suspected militant was killed.", "suspected"),
    ("Three people died in the fire.", "none"),
]
SIDE = EventActor("actor", 0, "the group", "Islamic State", "REB", None, 0, 9)


@pytest.fixture(scope="module")
def parsed(nlp):
    texts = [text for text, *_ in MODALITY + RESPONSIBILITY]
    return {text: next(doc.sents) for text, doc in zip(texts, nlp.pipe(texts))}


@pytest.mark.parametrize("text, trigger, expected", MODALITY)
def test_modality_is_read_off_the_triggers_auxiliaries(parsed, event_rules, text, trigger, expected):
    sentence = parsed[text]
    token = next(t for t in sentence if t.text == trigger)
    assert modality_of(token, sentence, event_rules.modals) == expected


def test_a_sentence_without_a_trigger_is_asserted(parsed, event_rules):
    sentence = parsed[MODALITY[0][0]]
    assert modality_of(None, sentence, event_rules.modals) == "asserted"


@pytest.mark.parametrize("text, status", RESPONSIBILITY)
def test_responsibility_names_the_acting_side_unless_none_is_told(parsed, text, status):
    expected = (status, None if status == "none" else "Islamic State")
    assert responsibility(parsed[text], [SIDE]) == expected
