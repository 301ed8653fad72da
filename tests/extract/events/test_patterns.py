"""The patterns the event rules compile from their seeds: counts written out, street addresses and
fixed phrases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.events.patterns import Phrases


@pytest.mark.parametrize("text, n, kind", [
    ("killing 142 people", "142", "killing"),
    ("killed three soldiers", "three", "killed"),
])
def test_a_count_before_its_victims(event_rules, text, n, kind):
    found = event_rules.count_patterns.before.search(text)
    assert (found["n"], found["kind"]) == (n, kind)


@pytest.mark.parametrize("text, n", [
    ("20 tourists and one policeman were killed", "20"),
    ("at least five people died", "five"),
])
def test_a_count_after_which_comes_what_happened(event_rules, text, n):
    assert event_rules.count_patterns.after.search(text)["n"] == n


@pytest.mark.parametrize("text", [
    "killed 40-year-old Terence Crutcher",  # an age, not a count
    "killed 9/11 plotter Osama bin Laden",  # a date, not a count
])
def test_an_age_or_a_date_is_no_count(event_rules, text):
    assert event_rules.count_patterns.before.search(text) is None


def test_the_death_toll_names_its_number(event_rules):
    assert event_rules.count_patterns.toll.search("the death toll rose to 39")["n"] == "39"


@pytest.mark.parametrize("text, address", [
    ("shot in the 100 block of Brushwood Drive on Monday", "the 100 block of Brushwood Drive"),
    ("a house at 619 Waddell Avenue burned", "619 Waddell Avenue"),
    ("near County Road 49 in the morning", "County Road 49"),
    ("ruled by the Supreme Court on Monday", None),  # "Court" makes an address only after a number
    ("the mayor of Port St. Lucie said", None),  # a saint, not a street
])
def test_an_address_as_local_news_writes_it(event_rules, text, address):
    found = event_rules.street_pattern.search(text)
    assert (found.group(0) if found else None) == address


PHRASES = Phrases.of(["price war", "re-election battle", "sure-fire", "heart attack", "war"])


@pytest.mark.parametrize("text, found", [
    ("A PRICE WAR broke out.", ["PRICE WAR"]),
    ("His re-election battle began.", ["re-election battle"]),
    ("a sure-fire hit", ["sure-fire"]),
    ("The warden left.", []),  # whole words only
    ("Prices rose; war games ended.", ["war"]),
    ("Sales rose 4% in the quarter.", []),  # no word of a phrase: answered without the search
    ("The war on prices.", ["war"]),
    ("Heart rates rose after the attack.", []),  # both words, not together
    ("Le président parle d'une price war.", ["price war"]),  # not ASCII: always searched
    ("a \u212aeen heart attack", ["heart attack"]),
])
def test_phrases_are_found_as_the_whole_alternation_finds_them(text, found):
    assert [text[a:b] for a, b in PHRASES.spans(text)] == found
    assert PHRASES.spans(text) == [(m.start(), m.end()) for m in PHRASES.pattern.finditer(text)]


def test_phrases_that_are_not_plain_ascii_are_always_searched():
    assert Phrases.of(["price war", "price-war"]).words_by_first == {
        "price": (frozenset({"price", "war"}), frozenset({"price", "war"}))}
    assert Phrases.of(["price war", "émeute urbaine"]).words_by_first is None
    assert Phrases.of(["émeute urbaine"]).spans("Une ÉMEUTE URBAINE.") == [(4, 18)]
    assert Phrases.of(["-- war"]).words_by_first is None  # not starting with a word


COUNT_WORDS = ["20", "three", "dozens", "people", "were", "killed", "Killed", "KILLED", "dead", "wounded", "injuring",
               "death", "toll", "rose", "to", "39", "at", "least", "in", "a", "killing", "shares", "rose", "percent",
               "detained", "hurt", "and", "Kill", "s", ",", "\u212a" + "illed"]


@given(st.lists(st.sampled_from(COUNT_WORDS), max_size=10))
def test_a_text_the_count_patterns_could_match_is_never_passed_over(event_rules, words):
    patterns = event_rules.count_patterns
    text = " ".join(words)
    if any(p.search(text) for p in (patterns.after, patterns.before, patterns.toll)):
        assert patterns.may_count(text)


def test_a_sentence_without_a_word_of_harm_is_passed_over_unless_it_is_not_ascii(event_rules):
    patterns = event_rules.count_patterns
    assert not patterns.may_count("Shares of 20 companies rose 3 percent on Monday.")
    assert patterns.may_count("At least 20 people were KILLED on Monday.")
    assert patterns.may_count("The death toll rose to 39.")
    assert patterns.may_count("Les 20 entreprises ont progressé.")  # not ASCII: always searched


@given(st.lists(st.sampled_from(["he", "was", "shot", "dead", "gunned", "down", "died", "of", "his", "wounds", "Fatally",
                                 "stabbed", "the", "market", "killed", "off", "rivals", "succumbed", "KILLED", "in",
                                 "treated", "for", "arrested", "kidnapped", "taken", "into", "custody", "hostage",
                                 "sent", "to", "hospital", "bodies"]),
                max_size=8))
def test_the_casualty_cues_as_one_pattern_match_where_any_of_them_does(event_rules, words):
    text = " ".join(words)
    assert (event_rules.any_casualty_cue.search(text) is not None) == any(
        cue.pattern.search(text) for cue in event_rules.casualty_cues)


STREET_WORDS = ["the", "100", "block", "of", "Brushwood", "Drive", "DRIVE", "drive", "Court", "619", "Waddell", "Avenue",
                "AVE", "Ave.", "County", "Road", "49", "and", "69th", "Street", "Port", "St.", "St", "Lucie", "Main",
                "Supreme", "IN", "SAN", "SALVADOR", "Way", "Drives", "-", "&"]


@given(st.lists(st.sampled_from(STREET_WORDS), max_size=9))
def test_the_street_noun_check_never_hides_an_address(event_rules, words):
    streets = event_rules.street_pattern
    text = " ".join(words)
    found = streets.pattern.search(text)
    assert streets.street_nouns.search(text) is not None or found is None
    assert (streets.search(text) and streets.search(text).group()) == (found and found.group())


def test_a_text_without_a_street_noun_is_not_searched_for_an_address(event_rules):
    streets = event_rules.street_pattern
    assert streets.street_nouns.search("TERRORISTS ATTACKED THE ARCE BATTALION IN SAN SALVADOR") is None
    assert streets.street_nouns.search("Streets of Rome") is None  # a whole word only
    assert streets.street_nouns.search("on Main Street") is not None


@pytest.mark.parametrize("text, address", [
    ("shot in the 6600 block of Catalpa Court", "the 6600 block of Catalpa Court"),  # a numbered noun
    ("a fire at 12 Elm Way", "12 Elm Way"),
    ("a house at 619 WADDELL AVENUE", "619 WADDELL AVENUE"),
])
def test_every_street_noun_lets_its_address_be_searched(event_rules, text, address):
    assert event_rules.street_pattern.pattern.search(text).group() == address
    assert event_rules.street_pattern.search(text).group() == address
