"""Gun Violence Archive news (../shared/eval/gva): killed, injured and incident date per article.

Each article is one incident the archive recorded from it. We score the article as an analyst
would read our tables: killed = the largest `events.fatalities` of the article (0 when it has
no event or no count), injured likewise, date = the `event_date` of its deadliest event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language

from evaluation.counts import ratio
from evaluation.events import extracted_events
from evaluation.gold.gva import GvaArticle
from extract.events import Event
from extract.rule_sets import ExtractionRules

# Best known figures on a held-out split: spaCy sm features + an SVC trained on train.
BEST_KNOWN = {"killed": 0.837, "injured": 0.742, "date": 0.774, "address": 0.51}
_NOT_ADDRESS_CHARS = re.compile(r"[^a-z0-9]+")
# What a gun-violence story's own incident can be typed as: the ACLED violent types, or crime.
INCIDENT_TYPES = frozenset({"Violence against civilians", "Battles", "Explosions/Remote violence"})
CRIME = "Organized crime"
ARRESTS = "Arrests"


@dataclass(frozen=True)
class IncidentFigures:
    """What the warehouse says of an article's incident."""

    killed: int
    injured: int
    incident_date: date | None
    address: str | None = None


def address_key(address: str | None) -> str:
    """An address compared as words: case, punctuation and a leading "the" do not count."""
    words = _NOT_ADDRESS_CHARS.sub(" ", (address or "").casefold()).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def incident_figures(events: Sequence[Event]) -> IncidentFigures:
    """The largest counts among the article's events, and the date of the deadliest one (the
    first of the deadliest when several tie), leaving out an arrest that refers to another of
    the article's events: that event is the incident."""
    if not events:
        return IncidentFigures(0, 0, None)
    incidents = [e for e in events if e.about_event_id is None] or list(events)
    deadliest = max(incidents, key=lambda e: (e.fatalities or 0, e.injured or 0, -e.trigger_start))
    address = deadliest.address or next((e.address for e in events if e.address), None)
    return IncidentFigures(max(e.fatalities or 0 for e in events), max(e.injured or 0 for e in events),
                           deadliest.event_date, address)


@dataclass
class GvaScore:
    """Exact matches of the system and of the trivial baselines (always 0, the publication date)."""

    n_articles: int = 0
    n_killed: int = 0
    n_injured: int = 0
    n_both: int = 0
    n_date: int = 0
    n_dated: int = 0  # articles whose gold has an incident date
    baseline_killed: int = 0
    baseline_injured: int = 0
    baseline_both: int = 0
    baseline_date: int = 0
    n_addressed: int = 0  # articles whose gold has a street address
    n_address: int = 0
    n_events: int = 0
    n_events_home: int = 0  # events placed in the US or not placed at all
    n_events_after: int = 0  # events dated after their article's publication day
    n_split: int = 0  # dated stories whose incident is told in two or more rows on the gold's day
    n_arrests: int = 0
    n_arrests_with_toll: int = 0  # an arrest carrying the dead or injured of what it is for
    misses: list[str] = field(default_factory=list)

    def figures(self) -> list[tuple[str, float, float | None, str, float | None]]:
        """(measure, system, baseline, baseline name, best known)."""
        n, dated = self.n_articles, self.n_dated
        return [
            ("killed exact", ratio(self.n_killed, n), ratio(self.baseline_killed, n), "always 0", BEST_KNOWN["killed"]),
            ("injured exact", ratio(self.n_injured, n), ratio(self.baseline_injured, n), "always 0",
             BEST_KNOWN["injured"]),
            ("both exact", ratio(self.n_both, n), ratio(self.baseline_both, n), "always 0", None),
            ("incident date exact", ratio(self.n_date, dated), ratio(self.baseline_date, dated), "publication date",
             BEST_KNOWN["date"]),
            ("address exact", ratio(self.n_address, self.n_addressed), 0.0, "no address", BEST_KNOWN["address"]),
            ("events in the US or unplaced", ratio(self.n_events_home, self.n_events), None, "", None),
            ("events dated after publication (lower is better)", ratio(self.n_events_after, self.n_events), None, "",
             None),
            ("stories whose incident is split into several rows (lower is better)", ratio(self.n_split, dated), None,
             "", None),
            ("arrests carrying a toll (lower is better)", ratio(self.n_arrests_with_toll, self.n_arrests), None, "",
             None),
        ]


def split_rows(events: Sequence[Event], day: date) -> bool:
    """Whether two or more violent or crime rows of one story fall on its incident's day: one
    incident counted twice (a story may tell other incidents, on other days)."""
    return sum(e.event_date == day and (e.acled_event_type in INCIDENT_TYPES or e.event_class == CRIME)
               for e in events) > 1


def score_gva(pairs: Iterable[tuple[GvaArticle, Sequence[Event]]]) -> GvaScore:
    score = GvaScore()
    for article, events in pairs:
        got = incident_figures(events)
        killed_right, injured_right = got.killed == article.n_killed, got.injured == article.n_injured
        score.n_articles += 1
        score.n_killed += killed_right
        score.n_injured += injured_right
        score.n_both += killed_right and injured_right
        score.baseline_killed += article.n_killed == 0
        score.baseline_injured += article.n_injured == 0
        score.baseline_both += article.n_killed == 0 and article.n_injured == 0
        if article.incident_date is not None:
            score.n_dated += 1
            score.n_date += got.incident_date == article.incident_date
            score.baseline_date += article.published_at == article.incident_date
        if article.address:
            score.n_addressed += 1
            score.n_address += address_key(got.address) == address_key(article.address)
        score.n_events += len(events)
        score.n_events_home += sum(e.country_iso3 in (None, "USA") for e in events)
        score.n_events_after += sum(e.event_date is not None and e.event_date > article.published_at for e in events)
        arrests = [e for e in events if e.event_class == ARRESTS]
        score.n_arrests += len(arrests)
        score.n_arrests_with_toll += sum(bool(e.fatalities or e.injured) for e in arrests)
        score.n_split += article.incident_date is not None and split_rows(events, article.incident_date)
        if not (killed_right and injured_right and got.incident_date == article.incident_date):
            score.misses.append(f"{article.article_id}: killed {got.killed}/{article.n_killed} injured "
                                f"{got.injured}/{article.n_injured} date {got.incident_date}/{article.incident_date}")
    return score


def evaluate_gva(articles: Sequence[GvaArticle], nlp: Language, rules: ExtractionRules) -> GvaScore:
    predicted = extracted_events(((a.text, a.published_at) for a in articles), nlp, rules)
    return score_gva(zip(articles, predicted, strict=True))
