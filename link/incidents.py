"""Incidents: the same event reported by several articles, linked pairwise and grouped.

Two events link when everything they say is compatible (a type of the same group, places and
dates within reach of their precision, death tolls that do not contradict each other) and the
fields that agree weigh enough (seeds/linking/incident_link_weights.csv). An incident is a group
of events every two of which are linked (link.groups.complete_link_groups): the
groups depend only on the events, never on the order they arrive in. Events of one article are
never linked directly (the extractor already merged what one article says of one incident).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from extract.events.records import Event
from seedrows import read_column, read_rows

# Without a day of its own, an event is taken to have happened at most this many days before
# the article was published (news reports recent incidents).
REPORT_LAG_DAYS = 3
# Two cities or towns at most this far apart can be one incident's place (a suburb, a district).
NEAR_KM = 25.0
# Two day-precision dates at most this many days apart can be one incident (time zones, night).
DAY_SLACK = 1


@dataclass(frozen=True)
class LinkKey:
    """What the linker compares of one event."""

    event_id: str
    article_id: str
    event_class: str
    event_type: str | None
    country_iso3: str | None
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    geo_precision: str  # exact | country | unknown
    event_date: date | None  # only at day precision
    published_on: date | None  # the article's publication day
    fatalities: int | None
    actors: frozenset[str]  # canonical names of every side named


@dataclass(frozen=True)
class Link:
    """Why two events are one incident: the score and the fields that agreed."""

    score: float
    reasons: tuple[str, ...]

    @property
    def reason(self) -> str:
        return "+".join(self.reasons)


@dataclass(frozen=True)
class IncidentRules:
    """The type groups and the weights of agreeing fields, from seeds/linking/."""

    groups: Mapping[str, str]  # event class -> link group
    split_by_type: frozenset[str]  # classes whose group also needs the same PLOVER type
    weights: Mapping[str, float]  # reason -> weight
    threshold: float
    unspecific_words: frozenset[str] = frozenset()  # an actor starting with one names no one in particular

    def group(self, key: LinkKey) -> str | None:
        group = self.groups.get(key.event_class)
        if group is not None and key.event_class in self.split_by_type:
            return f"{group}/{key.event_type}"
        return group


@dataclass(frozen=True)
class LinkGroupRow:
    """A row of seeds/linking/incident_link_groups.csv: which classes may be one incident."""

    event_class: str
    link_group: str
    split_by_plover_type: bool


@dataclass(frozen=True)
class LinkWeightRow:
    """A row of seeds/linking/incident_link_weights.csv: what one agreeing field is worth."""

    reason: str
    weight: float


@functools.lru_cache(maxsize=4)
def load_incident_rules(seeds_dir: Path) -> IncidentRules:
    """The rules of seeds_dir/linking/, read once per process."""
    folder = seeds_dir / "linking"
    groups = read_rows(folder / "incident_link_groups.csv", LinkGroupRow)
    weights = {row.reason: row.weight for row in read_rows(folder / "incident_link_weights.csv", LinkWeightRow)}
    threshold = weights.pop("threshold")
    unspecific = frozenset(word.casefold() for word in read_column(folder / "unspecific_actor_words.csv", "word"))
    return IncidentRules({row.event_class: row.link_group for row in groups},
                         frozenset(row.event_class for row in groups if row.split_by_plover_type),
                         weights, threshold, unspecific)


def date_window(key: LinkKey) -> tuple[date, date] | None:
    """The days the event may have happened on: its own day, or the days just before its
    article's publication when it has none; None when neither is known."""
    if key.event_date is not None:
        return key.event_date - timedelta(days=DAY_SLACK), key.event_date + timedelta(days=DAY_SLACK)
    if key.published_on is not None:
        return key.published_on - timedelta(days=REPORT_LAG_DAYS), key.published_on
    return None


def link(a: LinkKey, b: LinkKey, rules: IncidentRules) -> Link | None:
    """The link between two events of different articles, or None when they cannot be one
    incident or agree on too little."""
    if a.article_id == b.article_id:
        return None
    group = rules.group(a)
    if group is None or group != rules.group(b):
        return None
    reasons = ["same type" if (a.event_class, a.event_type) == (b.event_class, b.event_type) else "related type"]
    for agreement in (_place_agreement(a, b), _date_agreement(a, b), _toll_agreement(a, b)):
        if agreement is None:
            return None
        if agreement:
            reasons.append(agreement)
    if any(_names_someone(actor, rules) for actor in a.actors & b.actors):
        reasons.append("shared actor")
    score = round(sum(rules.weights[reason] for reason in reasons), 3)
    return Link(score, tuple(reasons)) if score >= rules.threshold else None


def _names_someone(actor: str, rules: IncidentRules) -> bool:
    """A side both reports name counts only when it is a name, not "he", "who" or "the attack"."""
    words = actor.casefold().split()
    return bool(words) and words[0] not in rules.unspecific_words


def _place_agreement(a: LinkKey, b: LinkKey) -> str | None:
    if a.country_iso3 is None or a.country_iso3 != b.country_iso3:
        return None
    if a.geo_precision == "exact" and b.geo_precision == "exact":
        if a.geonameid is not None and a.geonameid == b.geonameid:
            return "same place"
        near = None not in (a.latitude, a.longitude, b.latitude, b.longitude) and \
            distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= NEAR_KM  # type: ignore[arg-type]
        return "nearby place" if near else None
    return "same country"


def _date_agreement(a: LinkKey, b: LinkKey) -> str | None:
    if a.event_date is not None and b.event_date is not None:
        apart = abs((a.event_date - b.event_date).days)
        return "same day" if apart == 0 else "next day" if apart <= DAY_SLACK else None
    window_a, window_b = date_window(a), date_window(b)
    if window_a is None or window_b is None:
        return None
    return "report window" if window_a[0] <= window_b[1] and window_b[0] <= window_a[1] else None


def _toll_agreement(a: LinkKey, b: LinkKey) -> str | None:
    """'' when the death tolls say nothing, 'same toll' when equal, None when they contradict
    (a toll may grow between reports, so near counts are compatible)."""
    if not a.fatalities or not b.fatalities:
        return ""
    if a.fatalities == b.fatalities:
        return "same toll"
    low, high = sorted((a.fatalities, b.fatalities))
    return "" if high - low <= max(2, high // 2) else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, h)))


def block_of(key: LinkKey, rules: IncidentRules) -> tuple[str, str] | None:
    """Events that can link share a block: the country and the type group (None: the event
    links to nothing, having no country, no group or no days to compare)."""
    group = rules.group(key)
    return (key.country_iso3, group) if key.country_iso3 and group and date_window(key) else None


def links_among(new: Iterable[LinkKey], others: Iterable[LinkKey], rules: IncidentRules) -> dict[tuple[str, str], Link]:
    """Every link between a new event and a new or other event, keyed by the two event ids in
    order. Within a block, events are swept in the order their date windows start, so an event
    is compared only with those whose windows overlap its own."""
    new_ids: set[str] = set()
    by_block: dict[tuple[str, str], list[tuple[date, date, LinkKey]]] = {}
    for is_new, keys in ((True, new), (False, others)):
        for key in keys:
            if is_new:
                new_ids.add(key.event_id)
            elif key.event_id in new_ids:
                continue
            block, window = block_of(key, rules), date_window(key)
            if block is not None and window is not None:
                by_block.setdefault(block, []).append((*window, key))
    found: dict[tuple[str, str], Link] = {}
    for entries in by_block.values():
        entries.sort(key=lambda entry: (entry[0], entry[2].event_id))
        for i, (_, end, a) in enumerate(entries):
            for start_b, _, b in entries[i + 1:]:
                if start_b > end:
                    break
                if (a.event_id in new_ids or b.event_id in new_ids) and (result := link(a, b, rules)) is not None:
                    found[(a.event_id, b.event_id) if a.event_id < b.event_id else (b.event_id, a.event_id)] = result
    return found


def best_links(links: Mapping[tuple[str, str], Link]) -> dict[str, tuple[Link, str]]:
    """Per event, its strongest link and the event at its other end (ties: the smaller id)."""
    best: dict[str, tuple[Link, str]] = {}
    for (a, b), found in links.items():
        for event, other in ((a, b), (b, a)):
            current = best.get(event)
            if current is None or found.score > current[0].score or \
                    (found.score == current[0].score and other < current[1]):
                best[event] = (found, other)
    return best


def link_key_of(event_id: str, event: Event, published_on: date | None) -> LinkKey:
    """An extracted event as the linker compares it."""
    return LinkKey(event_id, event.article_id, event.event_class, event.event_type, event.country_iso3,
                   event.geonameid, event.latitude, event.longitude, event.geo_precision, event.event_date,
                   published_on, event.fatalities, frozenset(actor.canonical for actor in event.actors))
