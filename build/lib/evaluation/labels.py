"""Single-label classification scores: accuracy, weighted and macro F1, per-class figures, confusions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from evaluation.counts import ratio


@dataclass(frozen=True)
class ClassFigures:
    label: str
    precision: float
    recall: float
    f1: float
    support: int  # gold items of the class


@dataclass(frozen=True)
class LabelScore:
    n_items: int
    accuracy: float
    weighted_f1: float  # F1 per gold class weighted by its support
    macro_f1: float  # unweighted mean over the gold classes
    per_class: tuple[ClassFigures, ...]
    confusions: tuple[tuple[str, str, int], ...]  # (gold, predicted, n), commonest first, errors only


def score_labels(gold: Sequence[str], predicted: Sequence[str]) -> LabelScore:
    """Score predicted labels against gold ones; a prediction outside the gold classes (such as
    NONE, no event found) counts against recall and never as a class of its own."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels, {len(predicted)} predicted")
    pairs = Counter(zip(gold, predicted, strict=True))
    support = Counter(gold)
    predicted_n = Counter(predicted)
    per_class = []
    for label in sorted(support):
        right = pairs[(label, label)]
        p, r = ratio(right, predicted_n[label]), ratio(right, support[label])
        per_class.append(ClassFigures(label, p, r, 2 * p * r / (p + r) if p + r else 0.0, support[label]))
    n = len(gold)
    return LabelScore(
        n_items=n,
        accuracy=ratio(sum(pairs[(label, label)] for label in support), n),
        weighted_f1=sum(c.f1 * c.support for c in per_class) / n if n else 0.0,
        macro_f1=sum(c.f1 for c in per_class) / len(per_class) if per_class else 0.0,
        per_class=tuple(per_class),
        confusions=tuple((g, p, k) for (g, p), k in pairs.most_common() if g != p),
    )
