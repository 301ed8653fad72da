"""When: the incident day a sentence gives, in every common news form; ages are not dates."""

from __future__ import annotations

from datetime import date

import pytest

from extract.events.incident_dates import sentence_date

PUBLISHED = date(2018, 3, 21)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        pytest.param("The shooting happened Monday, March 19, 2018, in the parking lot.", date(2018, 3, 19),
                     id="weekday-and-date"),
        pytest.param("The robbery took place on Feb. 22, 2013, police said.", date(2013, 2, 22), id="abbreviated-month"),
        pytest.param("Officers were called to the house early Sunday.", date(2018, 3, 18), id="early-weekday"),
        pytest.param("A man was shot last night near the station.", date(2018, 3, 20), id="last-night"),
        pytest.param("Two men were arrested this morning.", date(2018, 3, 21), id="this-morning"),
        pytest.param("The fire broke out yesterday at a warehouse.", date(2018, 3, 20), id="yesterday"),
        pytest.param("It happened around 7:45 p.m. Monday in the 100 block of Brushwood Drive.", date(2018, 3, 19),
                     id="time-of-day-and-weekday"),
        pytest.param("Police found the car on 3/17/18 outside the city.", date(2018, 3, 17), id="numeric"),
        pytest.param("The attack took place on the 5th, officials said.", date(2018, 3, 5), id="day-of-month"),
        pytest.param("An employee was robbed at gunpoint Tuesday (March 13) in a parking lot.", date(2018, 3, 13),
                     id="a-weekday-restated-in-brackets"),
        pytest.param("A man was shot in the 7th Ward on Monday.", date(2018, 3, 19), id="the-7th-ward-is-a-place"),
        pytest.param("On Wednesday, gunmen stormed the museum.", date(2018, 3, 21), id="publication-weekday"),
    ],
)
def test_sentence_dates(sentence_of, sentence, day):
    found = sentence_date(sentence_of(sentence), PUBLISHED, None)
    assert found is not None and found.resolved.start == day and found.resolved.precision == "day"


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("A 13-year-old boy was wounded.", id="an-age"),
        pytest.param("The man, aged 28, was arrested.", id="aged"),
        pytest.param("Talks lasted for three hours.", id="a-duration"),
    ],
)
def test_ages_and_durations_are_not_dates(sentence_of, sentence):
    assert sentence_date(sentence_of(sentence), PUBLISHED, None) is None


def test_two_days_later_counts_from_the_previous_event(sentence_of):
    found = sentence_date(sentence_of("Just two days later, bombers struck in Yemen."), PUBLISHED, date(2015, 3, 18))
    assert found is not None and found.resolved.start == date(2015, 3, 20)


@pytest.mark.parametrize(
    ("text", "day", "place"),
    [
        pytest.param("Hours after a gunman killed five people in Dallas on Thursday, police in Houston said on "
                     "Friday they had no leads.", date(2018, 3, 15), "Dallas", id="after-clause-keeps-its-own"),
        pytest.param("Two days before Omar Mateen shot a hundred people, killing 49, he knelt for an hour at the "
                     "Fort Pierce mosque.", None, None, id="before-clause-takes-nothing-of-the-main-clause"),
        pytest.param("A man was shot and killed in Dayton on Monday after an argument with his neighbor.",
                     date(2018, 3, 19), "Dayton", id="main-clause-trigger-is-unchanged"),
        pytest.param("On Tuesday, Officer Betty Shelby, who shot and killed Terence Crutcher in Tulsa last week, was "
                     "charged with manslaughter.", None, "Tulsa", id="a-relative-clause-gives-its-own-time"),
        pytest.param("A man who was shot in Tulsa died on Monday.", date(2018, 3, 19), "Tulsa",
                     id="a-relative-clause-without-a-day"),
    ],
)
def test_a_time_clause_has_its_own_day_and_place(events_of, text, day, place):
    """The day and place of the main clause are not those of an incident told in a "before" or
    "after" clause; a relative clause's own day comes first."""
    assert [(e.event_date, e.place_name) for e in events_of(text)] == [(day, place)]
