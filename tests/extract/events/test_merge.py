"""One incident, one row: mentions of the same incident merge; another day or place is another event."""

from __future__ import annotations

from datetime import date

import pytest

from extract.events.merge import sentence_adds_counts


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


def test_a_victims_home_town_is_no_second_incident(events_of):
    """ "Breland, 20, of Syracuse": where the victim lives is not where he was shot."""
    events = events_of("A man was shot early Wednesday in the 200 block of Ballard Avenue in Dayton, Ohio. Shaquille "
                       "Breland, 20, of Springfield, was taken to a hospital, where he was treated for a gunshot "
                       "wound.", date(2018, 3, 21))
    assert [(e.event_class, e.injured, e.place_name) for e in events] == [("Attack", 1, "Dayton")]


def test_the_same_street_address_is_one_incident(events_of):
    """A town misread in one sentence ("South Side" placed in Alabama) does not split an incident
    whose street address both sentences give."""
    events = events_of("Two men were shot on Saturday night in the 1500 block of Carpenter Road in Stockton. A "
                       "gunman shot one of them in the 1500 block of Carpenter Road in Lodi, police said.",
                       date(2018, 3, 19))
    assert len(events) == 1
    assert events[0].address == "the 1500 block of Carpenter Road"


def test_a_named_incident_of_another_place_is_another_incident(events_of):
    """ "the Orlando massacre" names its own place: it does not refer back to Newtown's."""
    events = events_of("He got the news that 20 schoolchildren had been murdered in Newtown. The senator "
                       "led a filibuster in June after the Orlando massacre.", date(2016, 8, 8))
    assert len(events) == 2 and events[1].place_name == "Orlando" != events[0].place_name
    assert events[0].fatalities == 20


def test_the_crash_told_after_a_killing_is_the_same_incident(events_of):
    """ "... killing seven. A witness of the collision said": the collision is the killing told
    again, not a second incident."""
    events = events_of("A pickup truck driven by Zhukovskyy crossed the center line on Route 2 in Randolph, New "
                       "Hampshire, on Friday, killing seven motorcyclists. Travis Hood, who witnessed the collision, "
                       "said the truck was in the middle of the road.", date(2019, 6, 24))
    assert [(e.fatalities, len(e.mentions)) for e in events] == [(7, 2)]


def test_a_man_who_shot_himself_after_firing_at_deputies_is_one_incident(events_of):
    """The first sentence tells only a wound of the man's own making (typed Other); the shots he
    fired at deputies before it are the same incident, not a second row."""
    events = events_of("Authorities say Elias Guadarrama, 22, shot himself in the head after a brief chase in "
                       "Bradenton. The deputies saw him in the 4800 block of 19th Street West and he fired two "
                       "shots at the deputies. He was pronounced dead at the scene.", date(2014, 1, 28))
    assert [(e.event_class, e.fatalities) for e in events] == [("Other", 1)]


def test_a_separate_shooting_incident_is_another_row(events_of):
    events = events_of("A 28-year-old man was shot several times Monday night in Philadelphia. Two more men were "
                       "wounded in a separate shooting incident in Philadelphia Monday night.", date(2014, 2, 11))
    assert [e.injured for e in events] == [1, 2]


@pytest.mark.parametrize("text, adds", [
    ("Two other people were wounded.", True),
    ("Another man was shot in the leg.", True),
    ("A second bomb went off an hour later.", True),
    ("Others fled the scene.", True),
    ("The other victims were taken to hospital.", False),  # "the other": those already told
    ("Two people were wounded.", False),
])
def test_a_sentence_adds_its_counts_to_those_told_before_only_when_it_says_so(text, adds):
    assert sentence_adds_counts(text) is adds
