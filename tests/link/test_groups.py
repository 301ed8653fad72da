"""Groups of linked items: complete-link groups, and the other groups an item also belongs to."""

from __future__ import annotations

from itertools import permutations

from link.groups import complete_link_groups, shared_memberships


def test_a_quote_linked_to_two_groups_that_cannot_merge_joins_the_other_too():
    # "long" carries remarks A and B; "a1", "a2" quote A, "b" quotes B; A's and B's quotes share nothing
    pairs = {("a1", "long"): 1.0, ("a2", "long"): 1.0, ("a1", "a2"): 1.0, ("b", "long"): 0.9}
    groups = complete_link_groups(["a1", "a2", "b", "long"], pairs)
    assert groups == {"a1": "a1", "a2": "a1", "long": "a1", "b": "b"}
    assert shared_memberships(groups, pairs) == {"b": ["long"]}


def test_a_shared_member_must_link_to_every_member_and_to_the_other_shared_ones():
    pairs = {("a1", "a2"): 1.0, ("x", "a1"): 1.0, ("y", "a1"): 1.0, ("y", "a2"): 1.0, ("x", "z"): 1.0, ("y", "z"): 1.0}
    groups = {"a1": "a1", "a2": "a1", "x": "x", "y": "y", "z": "x"}
    shared = shared_memberships(groups, pairs)
    assert "x" not in shared.get("a1", [])  # x is not linked to a2
    assert shared.get("a1") == ["y"]
    for order in permutations(pairs):  # the same whatever order the pairs come in
        assert shared_memberships(groups, {pair: pairs[pair] for pair in order}) == shared
