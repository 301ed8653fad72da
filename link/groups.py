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
    never on the order they arrived in.

    Two groups are fully linked when the links between them number |A| x |B|; those counts are
    kept per pair of groups and summed on each merge, so a merge costs the groups it touches,
    not |A| x |B| lookups."""
    group_of = {item: item for item in items}
    members = {item: [item] for item in group_of}
    between: dict[str, dict[str, int]] = {item: {} for item in group_of}  # group -> other group -> links
    for a, b in {tuple(sorted(pair)) for pair in scored_pairs if pair[0] != pair[1]}:
        between[a][b] = between[b][a] = 1
    strongest_first = sorted(scored_pairs, key=lambda pair: (-scored_pairs[pair], pair))
    for a, b in strongest_first:
        group_a, group_b = group_of[a], group_of[b]
        if group_a == group_b or between[group_a].get(group_b, 0) < len(members[group_a]) * len(members[group_b]):
            continue
        kept, gone = min(group_a, group_b), max(group_a, group_b)
        for other, n in between.pop(gone).items():
            del between[other][gone]
            if other != kept:
                between[kept][other] = between[other][kept] = between[kept].get(other, 0) + n
        for item in members[gone]:
            group_of[item] = kept
        members[kept] += members.pop(gone)
    return group_of


def shared_memberships(group_of: Mapping[str, str], scored_pairs: Mapping[tuple[str, str], float]) -> dict[str, list[str]]:
    """Group -> the items of other groups that also belong to it: an item linked to every member
    of another group, and to every item already added to it. A long quote that carries two
    remarks belongs to the statement of each, while complete-link grouping gave it one. Items are
    tried strongest link first (ties: the smaller ids), so the result depends only on the items and
    pairs."""
    linked: dict[str, dict[str, float]] = {}
    for (a, b), score in scored_pairs.items():
        if a != b:
            linked.setdefault(a, {})[b] = score
            linked.setdefault(b, {})[a] = score
    members: dict[str, list[str]] = {}
    for item, group in sorted(group_of.items()):
        members.setdefault(group, []).append(item)
    added: dict[str, list[str]] = {}
    for group, own in sorted(members.items()):
        candidates = {other for item in own for other in linked.get(item, ()) if group_of.get(other) != group}
        strongest_first = sorted(candidates, key=lambda c: (-max(linked[c].get(m, 0.0) for m in own), c))
        for candidate in strongest_first:
            if all(m in linked[candidate] for m in own + added.get(group, [])):
                added.setdefault(group, []).append(candidate)
    return added
