"""Mentions in text order, for finding the latest one before a point in a few steps.

A pronoun's antecedent is the latest person (or organisation) mentioned before it; looking it
up by scanning every mention of the article for every quote made a page of 6,600 quoted
paragraphs take minutes. Mentions are kept sorted by where they end, found by bisection, and
scanned backwards only past those a filter rejects, at most LOOKBACK of them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Item = TypeVar("Item")
# How many rejected mentions a lookup passes over before it gives up: a pronoun whose antecedent
# lies behind 200 mentions of the other gender is not resolved by recency anyway.
LOOKBACK = 200


@dataclass
class MentionsInOrder(Generic[Item]):
    """Items at text positions; `latest` finds the last one at or before a position."""

    keys: list[int] = field(default_factory=list)  # where each mention ends (or stands), ascending
    starts: list[int] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    def add(self, key: int, start: int, item: Item) -> None:
        """Insert in order; of mentions with equal keys, the one added first is found first."""
        at = bisect_left(self.keys, key)
        self.keys.insert(at, key)
        self.starts.insert(at, start)
        self.items.insert(at, item)

    def latest(self, limit: int, accept: Callable[[Item], bool] = lambda item: True,
               inclusive: bool = True) -> tuple[int, Item] | None:
        """(start, item) of the last accepted mention whose key is <= limit (< limit when not
        inclusive), or None."""
        end = bisect_right(self.keys, limit) if inclusive else bisect_left(self.keys, limit)
        for at in range(end - 1, max(-1, end - 1 - LOOKBACK), -1):
            if accept(self.items[at]):
                return self.starts[at], self.items[at]
        return None


class Spans:
    """Character spans (direct quotes' contents), merged where they overlap, for asking in a few
    steps whether a position lies inside one."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def holds(self, position: int) -> bool:
        at = bisect_right(self.starts, position) - 1
        return at >= 0 and position < self.ends[at]
