"""Counting matches between gold and predicted items: precision, recall, F1, span overlap."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Span = tuple[int, int]


def ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


@dataclass
class MatchCounts:
    """Gold items, predicted items and the pairs matched one to one between them."""

    n_gold: int = 0
    n_predicted: int = 0
    n_matched: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.n_matched, self.n_predicted)

    @property
    def recall(self) -> float:
        return ratio(self.n_matched, self.n_gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def span_length(spans: Iterable[Span]) -> int:
    return sum(end - start for start, end in spans)


def overlap(spans: Iterable[Span], start: int, end: int) -> int:
    """Characters of [start, end) that the spans cover."""
    return sum(max(0, min(b, end) - max(a, start)) for a, b in spans)


def one_to_one(pairs: list[tuple[float, int, int]]) -> dict[int, int]:
    """Greedy one-to-one matching by descending score: gold index -> predicted index."""
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, gold_index, predicted_index in sorted(pairs, reverse=True):
        if gold_index not in matched and predicted_index not in used:
            matched[gold_index] = predicted_index
            used.add(predicted_index)
    return matched


@dataclass
class DetectionScore(MatchCounts):
    """Overlap matching, not one to one: a gold span is found when any prediction overlaps it,
    a prediction right when it overlaps any gold span."""

    n_predicted_right: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.n_predicted_right, self.n_predicted)


def score_detection(pairs: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> DetectionScore:
    """Spans against gold spans, any character overlap counting as found (per document pairs of
    (gold spans, predicted spans))."""
    score = DetectionScore()
    for gold, predicted in pairs:
        score.n_gold += len(gold)
        score.n_predicted += len(predicted)
        score.n_matched += sum(1 for g in gold if any(overlap([g], *p) for p in predicted))
        score.n_predicted_right += sum(1 for p in predicted if any(overlap([g], *p) for g in gold))
    return score
