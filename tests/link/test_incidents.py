"""Incident links between events of different articles (link/incidents.py)."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from link.groups import complete_link_groups, connected_groups
from link.incidents import LinkKey, link, links_among, load_incident_rules

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def rules():
    return load_incident_rules(SEEDS)


def key(event_id, article_id, event_class="Attack", place=(292968, 24.47, 54.37, "exact"), day=date(2019, 3, 1),
        published=date(2019, 3, 2), fatalities=None, actors=(), country="ARE", event_type="ASSAULT"):
    geonameid, lat, lon, precision = place
    return LinkKey(event_id, article_id, event_class, event_type, country, geonameid, lat, lon, precision, day,
                   published, fatalities, frozenset(actors))


def test_same_attack_in_two_articles_links_with_its_reasons(rules):
    found = link(key("a", "1", fatalities=5), key("b", "2", fatalities=5), rules)
    assert found is not None
    assert found.reasons == ("same type", "same place", "same day", "same toll")


def test_events_of_one_article_never_link(rules):
    assert link(key("a", "1"), key("b", "1"), rules) is None


def test_contradicting_tolls_days_places_or_types_do_not_link(rules):
    assert link(key("a", "1", fatalities=3), key("b", "2", fatalities=40), rules) is None
    assert link(key("a", "1"), key("b", "2", day=date(2019, 3, 5)), rules) is None
    assert link(key("a", "1"), key("b", "2", place=(292223, 25.2, 55.27, "exact")), rules) is None  # 120 km
    assert link(key("a", "1"), key("b", "2", event_class="Peaceful protest", event_type="PROTEST"), rules) is None


def test_a_related_type_at_the_same_place_and_day_links(rules):
    found = link(key("a", "1"), key("b", "2", event_class="Armed clash"), rules)
    assert found is not None and found.reasons[0] == "related type"


def test_country_level_events_need_more_than_type_and_window(rules):
    country = (None, None, None, "country")
    undated = {"day": None, "place": country}
    assert link(key("a", "1", **undated), key("b", "2", **undated), rules) is None
    assert link(key("a", "1", **undated, fatalities=7, actors=("Islamic State",)),
                key("b", "2", **undated, fatalities=7, actors=("Islamic State",)), rules) is not None


def test_groups_do_not_depend_on_the_order_of_links(rules):
    keys = [key("a", "1"), key("b", "2"), key("c", "3", day=date(2019, 3, 2)), key("d", "4", day=date(2019, 3, 3))]
    forward = links_among(keys, [], rules)
    backward = links_among(list(reversed(keys)), [], rules)
    assert forward == backward
    scores = {pair: found.score for pair, found in forward.items()}
    assert ("a", "d") not in scores  # two days apart
    groups = complete_link_groups("abcd", scores)
    assert groups == {"a": "a", "b": "a", "c": "a", "d": "d"}  # d links to c alone, not to a and b
    assert complete_link_groups("dcba", dict(reversed(scores.items()))) == groups


def test_complete_link_does_not_chain_where_connected_groups_do():
    pairs = {("a", "b"): 0.9, ("b", "c"): 0.8}  # a and c are not linked
    assert set(connected_groups("abc", pairs).values()) == {"a"}
    assert complete_link_groups("abc", pairs) == {"a": "a", "b": "a", "c": "c"}


def every_pair_linked_groups(items, pairs):
    """Complete link the slow, obvious way: every cross pair looked up on each merge."""
    group_of = {item: item for item in items}
    members = {item: {item} for item in items}
    for a, b in sorted(pairs, key=lambda pair: (-pairs[pair], pair)):
        group_a, group_b = group_of[a], group_of[b]
        if group_a != group_b and all((x, y) in pairs or (y, x) in pairs
                                      for x in members[group_a] for y in members[group_b]):
            kept, gone = min(group_a, group_b), max(group_a, group_b)
            for item in members[gone]:
                group_of[item] = kept
            members[kept] |= members.pop(gone)
    return group_of


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 12).flatmap(lambda n: st.tuples(
    st.just(n), st.dictionaries(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] < p[1]),
                                st.sampled_from([0.6, 0.75, 0.9, 1.2])))))
def test_counting_links_between_groups_gives_the_same_groups_as_looking_up_every_pair(case):
    n, numbered = case
    items = [f"e{i:02d}" for i in range(n)]
    pairs = {(items[a], items[b]): score for (a, b), score in numbered.items()}
    assert complete_link_groups(items, pairs) == every_pair_linked_groups(items, pairs)
