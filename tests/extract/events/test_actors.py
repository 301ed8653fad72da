"""Who: actors and targets around a trigger, canonical names and sectors, and state forces."""

from __future__ import annotations

import pytest

from extract.events.actors import is_state
from extract.events.records import EventActor


def _actors(events):
    return [(a.role, a.canonical, a.sector) for e in events for a in e.actors]


def test_by_and_on_phrases(events_of):
    events = events_of("On Monday, an attack by ISIS on a checkpoint near Mosul killed five soldiers.")
    assert ("actor", "Islamic State", "REB") in _actors(events)
    assert any(role == "target" and "checkpoint" in name for role, name, _ in _actors(events))


def test_subject_and_object(events_of):
    events = events_of("Taliban fighters ambushed an army convoy in Ghazni province on Tuesday.")
    assert _actors(events) == [("actor", "Taliban", "REB"), ("target", "an army convoy", "MIL")]
    assert [e.event_class for e in events] == ["Armed clash"]  # an attack on soldiers is a battle


@pytest.mark.parametrize(
    ("text", "sector", "country", "state"),
    [
        pytest.param("Iraqi armed forces", "MIL", "IRQ", True, id="forces-with-a-country"),
        pytest.param("the army", "MIL", None, True, id="the-army"),
        pytest.param("Kurdish forces", "MIL", None, False, id="forces-without-a-state"),
        pytest.param("rebel forces", "REB", None, False, id="rebels"),
        pytest.param("police", "COP", None, True, id="police"),
    ],
)
def test_state_forces(event_rules, text, sector, country, state):
    assert is_state(EventActor("actor", 0, text, text, sector, country, 0, len(text)), event_rules) is state
