"""Claims and modality: who claimed an event, and whether it is said to have happened."""

from __future__ import annotations


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
