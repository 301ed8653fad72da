"""One incident, one row: mentions of the same incident merge; another day or place is another event."""

from __future__ import annotations

from datetime import date


def test_mentions_of_one_incident_merge(events_of):
    text = ("A car bomb exploded on Monday at a military base in Maidan Shahr, Afghanistan. Dozens died in the "
            "attack. The Taliban have claimed responsibility for the bombing.")
    events = events_of(text, date(2019, 1, 24))
    assert len(events) == 1
    event = events[0]
    assert (event.event_date, event.fatalities, event.claimed_by) == (date(2019, 1, 21), 12, "Taliban")
    assert [m.trigger_text for m in event.mentions] == ["car bomb", "attack", "bombing"]
    assert [text[m.sentence_start:m.sentence_end].split()[0] for m in event.mentions] == ["A", "Dozens", "The"]


def test_another_day_or_place_is_another_incident(events_of):
    events = events_of("A man was shot dead in Chicago on Saturday. Another man was shot and killed in Detroit "
                       "on Sunday.")
    assert [(e.event_date, e.fatalities) for e in events] == [(date(2018, 3, 17), 1), (date(2018, 3, 18), 1)]


def test_an_arrest_after_an_attack_is_its_own_event(events_of):
    events = events_of("A man stabbed two people at a train station in Munich on Friday. Police arrested the "
                       "attacker at the scene.")
    assert [e.event_class for e in events] == ["Attack", "Arrests"]
