"""Date resolution against TempEval-3 platinum: each gold DATE expression resolved from its document's date."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from evaluation.gold.tempeval import GoldTimex
from nlp.dates import resolve_date, speaks_of_future


@dataclass(frozen=True)
class DateEvaluation:
    n_expressions: int
    n_correct: int
    misses: list[tuple[str, str, str, str | None]]  # doc, text, gold, resolved
    n_publication_date: int = 0  # gold values that are the document's own date: the trivial baseline

    @property
    def accuracy(self) -> float:
        return self.n_correct / self.n_expressions if self.n_expressions else 0.0

    @property
    def baseline_accuracy(self) -> float:
        return self.n_publication_date / self.n_expressions if self.n_expressions else 0.0


def evaluate_dates(golds: Iterable[GoldTimex]) -> DateEvaluation:
    """Resolve every gold DATE expression from its document's creation time and compare values."""
    n = correct = same_day = 0
    misses = []
    for gold in golds:
        same_day += gold.value == gold.published.isoformat()
        resolved = resolve_date(gold.text, gold.published, future=speaks_of_future(gold.context_before))
        n += 1
        if resolved.value == gold.value:
            correct += 1
        else:
            misses.append((gold.doc_id, gold.text, gold.value, resolved.value))
    return DateEvaluation(n, correct, misses, same_day)
