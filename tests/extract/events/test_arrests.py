"""An arrest is its own event, with no toll, about the incident it is for."""

from __future__ import annotations

from datetime import date

import pytest

from extract.events.arrests import incident_phrase, split_tolls
from extract.events.records import Casualty, event_id_for
from extract.events.triggers import find_triggers


@pytest.mark.parametrize(
    ("text", "incident", "killed", "incident_day", "arrest_day"),
    [
        pytest.param("Tunisian police have arrested nine suspects after Wednesday's shooting at the Bardo museum in "
                     "which 21 people died, the presidency said on Thursday.", "Attack", 21, date(2015, 3, 18), None,
                     id="after-the-shooting"),
        pytest.param("Three men were taken into custody Wednesday after a man was shot and killed on Miramar Street "
                     "Wednesday morning, authorities said.", "Attack", 1, date(2015, 3, 18), date(2015, 3, 18),
                     id="after-a-clause"),
        pytest.param("Police in Chester arrested a man on Thursday in connection with the shooting death of a woman on "
                     "Monday.", "Attack", 1, date(2015, 3, 16), date(2015, 3, 19), id="in-connection-with"),
    ],
)
def test_an_arrest_for_an_incident_gives_two_events(events_of, text, incident, killed, incident_day, arrest_day):
    events = events_of(text, date(2015, 3, 19))
    assert sorted(e.event_class for e in events) == sorted([incident, "Arrests"])
    arrest, attack = sorted(events, key=lambda e: e.event_class != "Arrests")
    assert (attack.fatalities, attack.event_date) == (killed, incident_day)
    assert (arrest.fatalities, arrest.injured, arrest.event_date) == (None, None, arrest_day)
    assert arrest.about_event_id == event_id_for(attack)
    assert attack.about_event_id is None


def test_a_death_told_after_the_arrest_belongs_to_the_shooting(events_of):
    events = events_of("A woman was shot in Chester on Saturday. Police arrested a man on Sunday in connection "
                       "with the shooting. She was taken to the hospital, where she later died.", date(2015, 3, 16))
    assert [(e.event_class, e.fatalities) for e in events] == [("Attack", 1), ("Arrests", None)]
    assert events[1].about_event_id == event_id_for(events[0])


def test_an_arrest_told_alone_refers_to_nothing(events_of):
    events = events_of("Police arrested two men in Dayton on Tuesday.", date(2015, 3, 19))
    assert [(e.event_class, e.about_event_id, e.fatalities) for e in events] == [("Arrests", None, None)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        pytest.param("Police arrested nine suspects after Wednesday's shooting at the museum.",
                     "after Wednesday's shooting at the museum", id="after"),
        pytest.param("They arrested a man in connection with the attack on the museum.",
                     "in connection with the attack on the museum", id="in-connection-with"),
        pytest.param("Police arrested a man who fired a gun.", None, id="no-preposition"),
        pytest.param("Israeli forces arrested more than 100 Palestinians during raids in the West Bank.", None,
                     id="during-the-raids-that-are-the-arrests"),
    ],
)
def test_the_incident_phrase_hangs_from_the_arrest_through_a_preposition(sentence_of, event_rules, text, phrase):
    sentence = sentence_of(text)
    triggers = find_triggers(sentence, event_rules)
    arrest = next(t for t in triggers if t.family == "arrest")
    found = incident_phrase(arrest.token, arrest.token, [t for t in triggers if t.family != "arrest"],
                            event_rules.arrest_for)
    assert (found.text if found is not None else None) == phrase


def test_tolls_go_to_the_incident_and_the_arrested_to_the_arrest():
    parts = [Casualty(kind, "people", None, 2, None, True, 0, 1) for kind in ("killed", "arrested", "injured")]
    tolls, others = split_tolls(parts)
    assert [p.kind for p in tolls] == ["killed", "injured"] and [p.kind for p in others] == ["arrested"]


def test_a_death_someone_is_arrested_for_is_an_incident_of_its_own(events_of):
    events = events_of("Two men and a woman have been arrested in connection with the death of Justin M. Sharp, 25, "
                       "whose body was found Jan. 31 in Springfield, the sheriff's office announced Friday.",
                       date(2014, 8, 22))
    arrest, killing = sorted(events, key=lambda e: e.event_class != "Arrests")
    assert (killing.event_class, killing.fatalities, killing.event_date) == ("Attack", 1, date(2014, 1, 31))
    assert (arrest.fatalities, arrest.about_event_id) == (None, event_id_for(killing))
