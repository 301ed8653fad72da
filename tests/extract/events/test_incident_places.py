"""Where: the finest place a sentence gives, and the dateline standing in only when nothing else does."""

from __future__ import annotations

from datetime import date

import pytest

from extract.events.incident_places import address_in


@pytest.mark.parametrize(
    ("sentence", "address"),
    [
        pytest.param("It happened around 7:45 p.m. in the 100 block of Brushwood Drive.",
                     "the 100 block of Brushwood Drive", id="block-of"),
        pytest.param("Police were called to 619 Waddell Avenue in Clairton.", "619 Waddell Avenue", id="number"),
        pytest.param("The shooting happened in the area of Northwest 15th Avenue and 69th Street.",
                     "Northwest 15th Avenue and 69th Street", id="crossing"),
        pytest.param("Officers responded to a residence on County Road 49.", "County Road 49", id="road-number"),
        pytest.param("The Supreme Court ruled on Tuesday.", None, id="a-court-is-no-street"),
        pytest.param("Police Chief Mike Way said the case is closed.", None, id="a-name-is-no-street"),
        pytest.param("Trump held a rally in Port St. Lucie on Monday.", None, id="a-saint-is-no-street"),
        pytest.param("A man was shot on Main St. in Dayton.", "Main St", id="st-is-a-street"),
    ],
)
def test_addresses(sentence_of, event_rules, sentence, address):
    assert address_in(sentence_of(sentence), event_rules.street_pattern) == address


def test_the_dateline_stands_in_only_when_the_article_names_no_other_place(events_of):
    filed_in_lima = ("LIMA, 16 APR 89 (EFE) -- The police arrested three members of the Shining Path "
                     "guerrilla group on Saturday.")
    named_elsewhere = ("WASHINGTON, 16 APR 89 (AP) -- Police arrested three members of a guerrilla group on "
                       "Saturday. The group is active in Colombia.")
    in_lima = events_of(filed_in_lima, date(1989, 4, 16))
    elsewhere = events_of(named_elsewhere, date(1989, 4, 16))
    assert [(e.country_iso3, e.geo_precision, e.place_source, e.latitude is not None) for e in in_lima] == [
        ("PER", "country", "dateline", True)]
    assert [(e.country_iso3, e.place_source) for e in elsewhere] == [(None, "none")]


def test_an_event_keeps_its_address(events_of):
    events = events_of("A man was shot and killed Sunday night in Columbus, Ohio. The shooting happened in the "
                       "2100 block of Parsons Avenue, police said.")
    assert [(e.address, e.country_iso3) for e in events] == [("the 2100 block of Parsons Avenue", "USA")]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        pytest.param("Police said arrests were made in Australia, Brazil, Canada and Spain on Monday.", None,
                     id="a-list-of-countries-is-no-place"),
        pytest.param("Police said arrests were made in Germany and Austria on Monday.", "DEU",
                     id="two-countries-keep-the-first"),
        pytest.param("Police arrested three men in Ohio and Indiana on Monday.", "USA", id="two-states"),
    ],
)
def test_a_list_of_countries_names_no_single_place(events_of, text, country):
    assert [e.country_iso3 for e in events_of(text)] == [country]


def test_the_hospital_the_wounded_were_taken_to_is_not_the_place(events_of):
    """ "taken to Jamaica Hospital" (Queens) had placed a Queens shooting in Jamaica, and
    "taken to ... Lake Shore Hospital" had become the address; a bombing outside a hospital in
    Kunduz is still placed there."""
    events = events_of("One of the attackers shot Dean in the right leg in Queens on Monday. The victim was taken to "
                       "Jamaica Hospital with non-life-threatening injuries.")
    assert [(e.injured, e.country_iso3) for e in events] == [(1, "USA")]
    events = events_of("She shot her husband in the thigh on Monday. Sheppard was taken to UF Health Shands Hospital "
                       "at Lake Shore Hospital by his family with non-life threatening injuries.")
    assert [e.address for e in events] == [None]
    events = events_of("A bomb exploded outside a hospital in Kunduz on Monday, killing three people.")
    assert [e.place_name for e in events] == ["Kunduz"]
