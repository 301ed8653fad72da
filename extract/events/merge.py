"""One incident, one row: the sentences that speak of the same incident merge into one event.

"A man was shot Sunday night. He was taken to the hospital, where he later died. The
shooting happened in the 100 block of Main Street." is one attack: one death, no injury, the
day from the first sentence and the address from the third. A sentence starts a new incident
when it is of another kind, names another day or another place, or says "another attack".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.budget import check_budget
from extract.events.classify import Typing
from extract.events.families import ARREST, VERBAL
from extract.events.incident_dates import DateMention
from extract.events.readings import self_inflicted
from extract.events.records import Casualty, EventActor, EventMention
from nlp.toponyms import PlaceMention

ATTRIBUTION = "Attribution of responsibility"
DISASTERS = frozenset({"Man-made disaster", "Natural disaster"})
OTHER = "Other"  # the class of seeds/events/event_classes.csv for what is no attack, protest or disaster
# "two other people", "another man": more victims; "the other" is one of those already told
# ("two men shot to death ... One man was dead at the scene and the other was pronounced dead").
_ADDITIVE = re.compile(r"(?<!\bthe )\b(?:other|others)\b|\b(?:another|additional|second|third|fourth|fifth)\b", re.I)


@dataclass(frozen=True)
class SentenceReport:
    """What one sentence says of an incident, before merging."""

    mention: EventMention
    typing: Typing | None  # None: only words of harm ("he later died"): it can only add to an incident
    casualties: tuple[Casualty, ...]
    date: DateMention | None  # its start, like every offset here, indexes the raw text
    place: PlaceMention | None
    address: str | None
    actors: tuple[EventActor, ...]
    responsibility: tuple[str, str | None]
    modality: str
    refers_back: bool  # "the attack"
    adds_another: bool  # "another attack"
    about: SentenceReport | None = None  # an arrest's: the report of the incident it is for

    @property
    def day(self):
        return self.date.resolved.start if self.date and self.date.resolved.precision == "day" else None

    @property
    def country(self) -> str | None:
        place = self.place.match.place if self.place is not None else None
        return place.country_iso3 if place is not None else None


def sentence_adds_counts(text: str) -> bool:
    """ "Two other people were wounded": the counts add to those told before."""
    return bool(_ADDITIVE.search(text))


STATEMENT_KEEPS_APART = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "CONCEDE", "AGREE", "AID",
                                   "COOPERATE", "RETREAT"})


def _verbal(report: SentenceReport) -> bool:
    """A statement ("Iran threatened ...") is its own event; a sanction told twice is one."""
    return (report.typing is not None and report.typing.trigger.family == VERBAL
            and report.typing.plover_type in STATEMENT_KEEPS_APART)


def _an_arrest(incident: Sequence[SentenceReport]) -> bool:
    first = next(r for r in incident if r.typing is not None).typing
    return first.trigger.family == ARREST


def _same_kind(incident: Sequence[SentenceReport], report: SentenceReport) -> bool:
    """Same class, or both violent where one of them is only generically typed ("the attack")."""
    if report.typing is None:
        return True
    first = next(r for r in incident if r.typing is not None).typing
    if first.event_class.name == report.typing.event_class.name:
        return True
    if report.typing.event_class.name == ATTRIBUTION or first.event_class.name == ATTRIBUTION:
        return first.event_class.violent or report.typing.event_class.violent
    if _self_harm(first) or _self_harm(report.typing):  # "Guadarrama shot himself ... fired two shots at deputies"
        return all(_self_harm(t) or t.event_class.violent for t in (first, report.typing))
    generic = report.typing.cue is None or report.typing.cue.priority <= 5 or first.cue is None or first.cue.priority <= 5
    if report.refers_back and report.typing.event_class.name in DISASTERS and first.event_class.violent and (
            first.cue is None or first.cue.priority <= 5):
        return True  # "... killing seven. Travis Hood, who witnessed the collision, said": the killing named
    return first.event_class.violent and report.typing.event_class.violent and (generic or report.refers_back)


def _self_harm(typing: Typing) -> bool:
    """A wound of one's own making ("shot himself"), typed Other: the shots around it are the same
    incident."""
    return typing.event_class.name == OTHER and self_inflicted(typing.trigger.token)


@dataclass
class _Told:
    """What an incident's sentences have told so far, kept up to date as each is added, so that
    testing a new sentence against it costs the same however long the incident's story is."""

    reports: list[SentenceReport]
    addresses: set[str]
    day: object = None  # the first day a sentence gives
    year: int | None = None
    country: str | None = None
    place: object = None

    @classmethod
    def of(cls, report: SentenceReport) -> _Told:
        told = cls([], set())
        told.add(report)
        return told

    def add(self, report: SentenceReport) -> None:
        self.reports.append(report)
        if report.address is not None:
            self.addresses.add(report.address)
        if self.day is None:
            self.day = report.day
        if self.year is None and report.date and report.date.resolved.start:
            self.year = report.date.resolved.start.year
        if self.country is None:
            self.country = report.country
        if self.place is None and report.place is not None and report.place.match.place:
            self.place = report.place.match.place


def _conflicts(told: _Told, report: SentenceReport) -> bool:
    """Another day, another country, or another exact place than the incident's; never when
    both give the same street address ("the 100 block of Main Street")."""
    if report.address is not None and report.address in told.addresses:
        return False
    said_of_it = report.refers_back and report.date is not None and report.date.reported  # "police said Monday the theft"
    if told.day is not None and report.day is not None and told.day != report.day and not said_of_it:
        return True
    if told.year is not None and _own_year(report) not in (None, told.year):
        return True  # "the 1997 shooting" is not last night's
    if told.country is not None and report.country is not None and told.country != report.country:
        return True
    place = told.place
    own = report.place.match.place if report.place is not None else None
    return (place is not None and own is not None and place.feature == own.feature == "city"
            and place.geonameid != own.geonameid and not report.refers_back)


def _own_year(report: SentenceReport) -> int | None:
    """The year of the sentence's own incident: a day or month it names, or a year named right
    before its trigger ("the 1997 shooting"); not "violence since 2011"."""
    found = report.date
    if found is None or found.resolved.start is None:
        return None
    if found.resolved.precision in ("day", "month"):
        return found.resolved.start.year
    close = 0 <= report.mention.trigger_start - (found.start + len(found.text)) <= 12
    return found.resolved.start.year if close else None


# How many incidents back a sentence may speak of: a long page of many incidents is merged in
# time that grows with its length, not with its length squared.
LOOKBACK_INCIDENTS = 100


def _home(incidents: list[_Told], report: SentenceReport) -> _Told | None:
    """The incident a sentence speaks of, latest first; None when it starts a new one."""
    if _verbal(report) or report.adds_another:
        return None
    for told in reversed(incidents[-LOOKBACK_INCIDENTS:]):
        incident = told.reports
        if _verbal(incident[0]) or (report.typing is None and _an_arrest(incident)):
            continue  # "she later died" tells of the shooting, not of the arrest told since
        if _same_kind(incident, report) and not _conflicts(told, report):
            return told
        if report.typing is None:
            return None  # "he later died" speaks of the latest incident or of none
    return None


def merge_reports(reports: Sequence[SentenceReport]) -> list[list[SentenceReport]]:
    """Group sentence reports into incidents, in the order each incident is first told."""
    incidents: list[_Told] = []
    for report in reports:
        check_budget()
        home = _home(incidents, report)
        if home is not None:
            home.add(report)
        elif report.typing is not None:
            incidents.append(_Told.of(report))
    return [told.reports for told in incidents]


def incident_count(reports: Sequence[SentenceReport], kind: str) -> tuple[int | None, str | None]:
    """An incident's count of one kind: the largest a sentence gives, plus what sentences saying
    "other" or "another" add; a person told of twice counts once, and someone wounded who died
    counts as a death only."""
    worst: dict[str, str] = {}
    for part in (p for r in reports for p in r.casualties if p.victim_key):
        if worst.get(part.victim_key) != "killed":
            worst[part.victim_key] = part.kind
    total: int | None = None
    qualifier: str | None = None
    last = 0  # the count of the last sentence that gave one
    counted: set[str] = set()
    deaths = any(p.kind == "killed" and p.n > 0 for r in reports for p in r.casualties)
    for report in reports:
        parts = [p for p in report.casualties if p.kind == kind and worst.get(p.victim_key or "", kind) == kind
                 and not (p.weak and deaths and not _tells_deaths(report))]
        if not parts:
            continue
        keys = {p.victim_key for p in parts if p.victim_key}
        n = sum(p.n for p in parts if p.victim_key is None) + len(keys)  # "a driver was hurt ... shot him": one
        new = sum(p.n for p in parts if p.victim_key is None) + len(keys - counted)
        if total is None:
            total, qualifier = n, _qualifier(parts)
        elif sentence_adds_counts(report.mention.trigger_text) or _adds(report):
            # "found three men with gunshot wounds ... Two other men went to the hospital": others
            # add to the count told just before, which a total told earlier may already hold
            total = max(total, last + new)
        elif n > total:
            total, qualifier = n, _qualifier(parts)
        last = n if not (sentence_adds_counts(report.mention.trigger_text) or _adds(report)) else last + new
        counted |= {p.victim_key for p in parts if p.victim_key}
    named = {key for key, worst_kind in worst.items() if key.startswith("name:") and worst_kind == kind}
    if total is not None and len(named) > total:
        total = len(named)  # "Wainwright was pronounced dead ... Pitts was pronounced dead": two people
    return total, qualifier


def _tells_deaths(report: SentenceReport) -> bool:
    """ "One man was killed and another shot": a shooting told beside a death is another victim."""
    return any(p.kind == "killed" and p.n > 0 for p in report.casualties)


def _adds(report: SentenceReport) -> bool:
    return any(sentence_adds_counts(p.victim_text) for p in report.casualties)


def _qualifier(parts: Sequence[Casualty]) -> str | None:
    qualifiers = {p.qualifier for p in parts if p.qualifier}
    return qualifiers.pop() if len(qualifiers) == 1 else None
