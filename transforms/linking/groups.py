"""Connected groups of linked items, named by their smallest member (so a group's id does not
depend on the order its members arrived in)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def connected_groups(items: Iterable[str], pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Item -> the smallest item of its connected group (union-find with path halving)."""
    parent: dict[str, str] = {item: item for item in items}

    def root(item: str) -> str:
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for a, b in pairs:
        root_a, root_b = root(a), root(b)
        if root_a != root_b:  # the smaller root names the merged group
            parent[max(root_a, root_b)] = min(root_a, root_b)
    return {item: root(item) for item in list(parent)}


def complete_link_groups(items: Iterable[str], scored_pairs: Mapping[tuple[str, str], float]) -> dict[str, str]:
    """Item -> the smallest item of its group, where a group is built by merging, strongest pair
    first (ties: the smaller ids), only groups whose every cross pair is linked: no chain of
    links makes two unlinked items one group. The result depends only on the items and pairs,
    never on the order they arrived in."""
    group_of = {item: item for item in items}
    members = {item: {item} for item in group_of}
    for a, b in sorted(scored_pairs, key=lambda pair: (-scored_pairs[pair], pair)):
        group_a, group_b = group_of[a], group_of[b]
        if group_a == group_b:
            continue
        if all((x, y) in scored_pairs or (y, x) in scored_pairs for x in members[group_a] for y in members[group_b]):
            kept, gone = min(group_a, group_b), max(group_a, group_b)
            for item in members[gone]:
                group_of[item] = kept
            members[kept] |= members.pop(gone)
    return group_of
