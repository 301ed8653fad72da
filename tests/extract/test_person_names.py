"""One person, many spellings (extract/person_names.py): the key spellings share, and which known
person a variant the key cannot settle names."""

import pytest

from extract.person_names import canonical_person_keys, edit_distance, load_name_rules, looks_like_person_name
from extract.sources import person_key
from tests.conftest import SEEDS_DIR

NAMES = load_name_rules(SEEDS_DIR)


@pytest.mark.parametrize("spellings", [
    ("Donald Trump", "Donald J. Trump", "donald  trump"),
    ("Hillary Clinton", "Hillary Rodham Clinton"),
    ("Bill Clinton", "William Clinton", "William J. Clinton"),
    ("Joe Biden", "Joseph R. Biden"),
    ("Pierre de Vos", "Pierre A. de Vos"),
])
def test_spellings_of_one_person_share_a_key(spellings):
    assert len({person_key(name, NAMES) for name in spellings}) == 1


@pytest.mark.parametrize("one, other", [
    ("Donald Trump", "Donald Trump Jr."),  # a suffix is part of who he is
    ("Hillary Clinton", "Bill Clinton"),
    ("Jeb Bush", "George W. Bush"),
    ("Pierre de Vos", "Pierre Vos"),
])
def test_two_people_keep_two_keys(one, other):
    assert person_key(one, NAMES) != person_key(other, NAMES)


def test_a_misspelt_initialled_or_lone_name_joins_the_one_person_it_can_mean():
    known = [("person:reince priebus", 40), ("person:hillary clinton", 500), ("person:william clinton", 60),
             ("person:donald trump", 900), ("person:ivanka trump", 12)]
    staged = {"person:rence priebus": 1, "person:h clinton": 1, "person:trump": 3, "person:clinton": 2}
    assert canonical_person_keys(staged, known, NAMES) == {
        "person:rence priebus": "person:reince priebus",
        "person:h clinton": "person:hillary clinton",
        "person:trump": "person:donald trump",  # 900 of 912 Trump quotes: the lone surname is his
        # "Clinton" alone stays apart: Hillary holds 500 of 560 quotes, under nine in ten
    }


def test_a_variant_never_joins_a_different_person():
    known = [("person:donald trump", 900), ("person:donald trump jr", 30), ("person:eric trump", 10)]
    staged = {"person:donald trump jr": 2, "person:e trump": 1, "person:d trump": 1, "person:dwight trump": 1}
    rewrites = canonical_person_keys(staged, known, NAMES)
    assert "person:donald trump jr" not in rewrites  # a suffix must agree
    assert rewrites["person:e trump"] == "person:eric trump"
    assert "person:d trump" not in rewrites  # Donald and this batch's Dwight both fit the initial
    assert "person:dwight trump" not in rewrites  # "dwight" is no typo of "donald"


def test_two_spellings_never_join_each_other_both_ways():
    staged = {"person:reince priebus": 5, "person:rence priebus": 1}
    assert canonical_person_keys(staged, [], NAMES) == {"person:rence priebus": "person:reince priebus"}


@pytest.mark.parametrize("name, is_name", [
    ("Hillary Clinton", True), ("Pierre de Vos", True), ("Ban Ki-moon", True), ("Martin O'Malley", True),
    ("6, 2016 9:12PMTrump", False), ("Trump - 60 percent", False), ("Perfect Enough: Carly Fiorina", False),
    ("W]e", False), ("the billionaire", False),
])
def test_a_persons_name_has_a_names_shape(name, is_name):
    assert looks_like_person_name(name, NAMES.particles) is is_name


def test_edit_distance_stops_at_its_limit():
    assert edit_distance("rence", "reince", 1) == 1
    assert edit_distance("donald", "dwight", 1) == 2
