"""Dateline parsing against what the corpora say: MUC-3/4 places and dates, Reuters-21578 places."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from evaluation.gold.datelines import DatelineGold, NO_PLACE
from extract.datelines import canonical_place
from extract.layout import parse_layout
from extract.layout_parts import LayoutRules


@dataclass(frozen=True)
class DatelineScore:
    """Share of articles whose dateline place (and, where gold has one, date) the parser got."""

    n_articles: int
    n_place_correct: int
    n_dated: int
    n_date_correct: int
    misses: list[tuple[str | None, str | None, int]] = field(default_factory=list)

    @property
    def place_accuracy(self) -> float:
        return self.n_place_correct / self.n_articles if self.n_articles else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.n_date_correct / self.n_dated if self.n_dated else 0.0


def gold_place_name(raw: str | None, rules: LayoutRules) -> str | None:
    """The city of a corpus dateline field: "MANAGUA (NICARAGUA)" -> Managua, "STAMFORD, Conn." -> Stamford."""
    if raw is None:
        return None
    city = raw.split(" (")[0].split(",")[0].strip().rstrip("-").strip()
    if city.upper() in NO_PLACE:
        return None
    return canonical_place(city, rules)


def score_datelines(golds: Iterable[DatelineGold], rules: LayoutRules) -> DatelineScore:
    """Parse each text's layout and compare its dateline with the gold place and date."""
    n = place_ok = dated = date_ok = 0
    misses: Counter[tuple[str | None, str | None]] = Counter()
    for gold in golds:
        layout = parse_layout(gold.text, rules)
        expected = gold_place_name(gold.place, rules)
        n += 1
        if _same_place(layout.dateline, expected):
            place_ok += 1
        else:
            misses[(expected, layout.dateline)] += 1
        if gold.published is not None:
            dated += 1
            date_ok += layout.dateline_date == gold.published
    return DatelineScore(n, place_ok, dated, date_ok, [(g, p, k) for (g, p), k in misses.most_common(10)])


def _same_place(predicted: str | None, expected: str | None) -> bool:
    return (predicted or "").casefold() == (expected or "").casefold()


