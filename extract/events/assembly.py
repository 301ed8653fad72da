"""Incidents: the article's running context while its sentences are read, and the Event built from
the sentences merged into one incident (the best count, the first day, every mention kept; never
a day or place from the sentences of another incident), each arrest tied to the event it is for."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Span

from extract.events.classify import Typing
from extract.events.families import HARM
from extract.events.incident_dates import DateMention, sentence_date
from extract.events.incident_places import address_in, place_note, place_or_dateline, plausible
from extract.events.merge import SentenceReport, incident_count
from extract.events.records import Casualty, Event, EventActor, EventMention, event_id_for
from extract.events.rules import EventRules
from extract.events.triggers import Trigger
from nlp.doc_index import DocIndex
from nlp.places import PlaceContext, PlaceMatch
from nlp.toponyms import PlaceMention



@dataclass
class ArticleContext:
    """What the steps need of the whole article, and what earlier sentences leave for later ones:
    the last actor ("its suicide bombers") and the last day ("two days later")."""

    index: DocIndex
    article_id: str
    offset: int  # the Doc's text starts at raw_text[offset]
    rules: EventRules
    published: date | None
    dateline: tuple[int, int] | None
    places: PlaceContext  # the countries and states the article names, its home country
    named_places: list[PlaceMention]
    person_keys: frozenset[str]  # every name the article gives a person: never a place
    previous_actor: EventActor | None = None
    previous_day: date | None = None
    days: list[tuple[int, DateMention]] = field(default_factory=list)  # (sentence start, a day it names)
    addresses: list[tuple[int, str]] = field(default_factory=list)  # (sentence start, a street address it gives)
    # sentences without an incident word, with the day known when they were reached: their days
    # and addresses are read only when an incident asks for the nearest (most articles have none)
    unread: list[tuple[Span, date | None]] = field(default_factory=list)
    entity_starts: list[int] | None = None  # where index.ents start, for ents_of
    n_incidents: int = 0  # sentences that reported an incident so far (not a statement, a meeting, an arrest)

    def read_sentence(self, sentence: Span) -> DateMention | None:
        """The day a sentence names, its day and street address noted for the incidents near it."""
        return self._note(sentence, self.previous_day)

    def pass_sentence(self, sentence: Span) -> None:
        """A sentence that reports nothing: its day and address are read later, if asked for."""
        self.unread.append((sentence, self.previous_day))

    def _note(self, sentence: Span, previous_day: date | None) -> DateMention | None:
        found = sentence_date(sentence, self.published, previous_day, self.rules.report_verbs, self.ents_of(sentence))
        if found is not None and found.resolved.precision == "day":
            self.days.append((sentence.start_char, found))
        address = address_in(sentence, self.rules.street_pattern, self.ents_of(sentence), streets_only=True)
        if address is not None:
            self.addresses.append((sentence.start_char, address))
        return found

    def _read_unread(self) -> None:
        """Read the sentences passed over, each with the day known when it was reached, so the
        days and addresses are those of reading every sentence in order."""
        if not self.unread:
            return
        for sentence, previous_day in self.unread:
            self._note(sentence, previous_day)
        self.unread.clear()
        self.days.sort(key=lambda pair: pair[0])
        self.addresses.sort(key=lambda pair: pair[0])

    def nearest_address(self, sentence_start: int, elsewhere: Sequence[tuple[int, int]]) -> str | None:
        """The street address told nearest before the incident's first sentence, else after it,
        outside other incidents' sentences: local news gives it once, often in a sentence with
        no incident word ("Officers responded to the 1500 block of Pennsylvania Avenue")."""
        self._read_unread()
        return _nearest(self.addresses, sentence_start, elsewhere)

    def nearest_day(self, sentence_start: int, elsewhere: Sequence[tuple[int, int]]) -> DateMention | None:
        """The day named last before a sentence, else the first after it, outside the sentences
        of other incidents: in local news the incident's day is often told once, in a sentence
        with no incident word ("It happened Monday")."""
        self._read_unread()
        return _nearest([(d.start, d) for _, d in self.days], sentence_start, elsewhere)

    def nearest_place(self, sentence_start: int, elsewhere: Sequence[tuple[int, int]]) -> PlaceMention | None:
        """Likewise the place, but only one named before: a story names where before it tells
        what ("Two men were shot in Columbus. Police said a third man ..."), while a place
        named after may be anything ("The group is active in Colombia")."""
        return _nearest([(m.start, m) for m in self.named_places if plausible(m, self.places)
                         and not _in_dateline(m, self.dateline) and m.start < sentence_start],
                        sentence_start, elsewhere)

    def ents_of(self, sentence: Span) -> list[Span]:
        """The entities inside a sentence, from the index (Span.ents scans the whole Doc)."""
        starts = self._entity_starts()
        first = bisect_left(starts, sentence.start_char)
        last = bisect_left(starts, sentence.end_char)
        return [e for e in self.index.ents[first:last] if e.end_char <= sentence.end_char]

    def _entity_starts(self) -> list[int]:
        if self.entity_starts is None:
            self.entity_starts = [e.start_char for e in self.index.ents]
        return self.entity_starts

    def report(self, sentence: Span, trigger: Trigger, typing: Typing | None, casualties: Sequence[Casualty],
               found_date: DateMention | None, place: PlaceMention | None, address: str | None,
               actors: Sequence[EventActor], claim: tuple[str, str | None], modality: str,
               back: bool, another: bool) -> SentenceReport:
        o = self.offset
        killed = sum(c.n for c in casualties if c.kind == "killed") if any(
            c.kind == "killed" for c in casualties) else None
        injured = sum(c.n for c in casualties if c.kind == "injured") if any(
            c.kind == "injured" for c in casualties) else None
        mention = EventMention(trigger.text, trigger.start + o, trigger.end + o, sentence.start_char + o,
                               sentence.end_char + o, typing.event_class.name if typing else None, killed, injured,
                               found_date.text if found_date else None)
        shifted = tuple(EventActor(a.role, a.ord, a.text, a.canonical, a.sector, a.country_iso3, a.start + o,
                                   a.end + o) for a in actors)
        dated = replace(found_date, start=found_date.start + o) if found_date is not None else None
        return SentenceReport(mention, typing, tuple(casualties), dated, place, address, shifted, claim,
                              modality, back, another)

    def remember(self, report: SentenceReport) -> None:
        family = report.typing.trigger.family if report.typing is not None else HARM
        # "the battle" refers back to an incident told before, never to a statement or a meeting
        self.n_incidents += self.rules.families[family].carries_toll
        actor = next((a for a in report.actors if a.role == "actor"), None)
        if actor is not None and report.typing is not None:
            # actors are kept with raw-text offsets; the next sentence's "its" only needs the names
            self.previous_actor = actor
        if report.day is not None:
            self.previous_day = report.day


def _in_dateline(mention: PlaceMention, dateline: tuple[int, int] | None) -> bool:
    return dateline is not None and dateline[0] <= mention.start < dateline[1]


def _nearest(found: list, start: int, elsewhere: Sequence[tuple[int, int]]):
    """The item (a (position, item) pair) last before start, else the first after it, that
    lies in no span of `elsewhere`."""
    kept = [(position, item) for position, item in found if not any(a <= position < b for a, b in elsewhere)]
    before = [item for position, item in kept if position < start]
    return before[-1] if before else next((item for position, item in kept if position >= start), None)


def _typing(reports: Sequence[SentenceReport]) -> Typing:
    """The most specific typing among the incident's sentences; the first on a tie."""
    typed = [r.typing for r in reports if r.typing is not None]
    first = typed[0]
    best = max(typed, key=lambda t: t.cue.priority if t.cue else 0)
    if best.event_class.violent != first.event_class.violent or (first.cue and best.cue and
                                                                  best.cue.priority == first.cue.priority):
        return first
    return best


def _actors(reports: Sequence[SentenceReport]) -> tuple[EventActor, ...]:
    seen: set[tuple[str, str]] = set()
    actors = []
    for actor in (a for r in reports for a in r.actors):
        if (actor.role, actor.canonical.casefold()) in seen:
            continue
        seen.add((actor.role, actor.canonical.casefold()))
        actors.append(EventActor(actor.role, len(actors), actor.text, actor.canonical, actor.sector,
                                 actor.country_iso3, actor.start, actor.end))
    return tuple(actors)


def _when(reports: Sequence[SentenceReport]) -> DateMention | None:
    dated = [r.date for r in reports if r.date is not None]
    return (next((d for d in dated if d.resolved.precision == "day" and not d.reported), None)
            or next((d for d in dated if d.resolved.precision == "day"), None)
            or next((d for d in dated if d.resolved.precision != "unknown"), None))


def _not_after(when: DateMention | None, published: date | None) -> DateMention | None:
    """An incident reported has happened: a day after the article's own ("Friday" misread as
    next Friday, a court date) is not its day."""
    if when is None or published is None or when.resolved.start is None or when.resolved.start <= published:
        return when
    return None


def _confidence(typing: Typing, rules: EventRules) -> float:
    """Surer the more specific the cue that typed the event (seeds/confidence_weights.csv)."""
    weights = rules.confidence
    priority = typing.cue.priority if typing.cue else weights.priority_without_cue
    return round(weights.base + weights.per_cue_priority * priority, 2)


def build_event(reports: Sequence[SentenceReport], context: ArticleContext,
                dateline_place: PlaceMatch | None, elsewhere: Sequence[tuple[int, int]] = ()) -> Event:
    """One Event from the sentences of one incident; its offsets are the first mention's.
    `elsewhere` are the sentences (Doc offsets) that tell other incidents. Long because it
    fills the record's 37 fields one by one, each from the rule named beside it."""
    typing = _typing(reports)
    first = reports[0].mention
    when = _not_after(_when(reports), context.published)
    date_source = "sentence" if when is not None else "none"
    if when is None and reports[0].about is None:  # the day told near an arrest is its incident's
        when = _not_after(context.nearest_day(first.sentence_start - context.offset, elsewhere), context.published)
        date_source = "article" if when is not None else "none"
    place = next((r.place for r in reports if r.place is not None), None)
    told_place = place is not None
    if place is None:
        place = context.nearest_place(first.sentence_start - context.offset, elsewhere)
    place_match, place_source = place_or_dateline(place, context.named_places, dateline_place,
                                                   context.rules.gazetteer)
    if place_source == "sentence" and not told_place:
        place_source = "article"
    p = place_match.place if place_match is not None else None
    fatalities, fatalities_qualifier = incident_count(reports, "killed")
    injured, injured_qualifier = incident_count(reports, "injured")
    status, claimed_by = next((r.responsibility for r in reports if r.responsibility[0] != "none"), ("none", None))
    event_class = typing.event_class
    return Event(
        article_id=context.article_id,
        event_class=event_class.name,
        event_type=typing.plover_type,
        event_mode=typing.plover_mode,
        acled_event_type=event_class.acled_event_type,
        acled_sub_event_type=event_class.acled_sub_event_type,
        trigger_text=first.trigger_text,
        trigger_start=first.trigger_start,
        trigger_end=first.trigger_end,
        sentence_start=first.sentence_start,
        sentence_end=first.sentence_end,
        event_date=when.resolved.start if when is not None and when.resolved.precision == "day" else None,
        date_precision=when.resolved.precision if when is not None else "unknown",
        date_text=when.text if when is not None else None,
        date_source=date_source,
        place_text=place_match.text if place_match is not None else None,
        place_name=p.name if p else None,
        geonameid=p.geonameid if p else None,
        country_iso3=p.country_iso3 if p else None,
        admin1=p.admin1 if p else None,
        latitude=p.latitude if p else None,
        longitude=p.longitude if p else None,
        geo_precision=place_match.precision if place_match is not None else "unknown",
        place_note=place_note(place_match, place_source),
        place_source=place_source,
        address=next((r.address for r in reports if r.address), None)
        or context.nearest_address(first.sentence_start - context.offset, elsewhere),
        fatalities=fatalities,
        fatalities_qualifier=fatalities_qualifier,
        injured=injured,
        injured_qualifier=injured_qualifier,
        responsibility_status=status,
        claimed_by=claimed_by,
        modality=reports[0].modality,
        confidence=_confidence(typing, context.rules),
        actors=_actors(reports),
        casualties=tuple(c for r in reports for c in r.casualties),
        mentions=tuple(r.mention for r in reports),
    )


def with_what_they_are_about(events: list[Event], incidents: Sequence[Sequence[SentenceReport]]) -> list[Event]:
    """Each arrest with the id of the incident it is for, when that incident is another event."""
    owner = {id(report): i for i, incident in enumerate(incidents) for report in incident}
    for i, incident in enumerate(incidents):
        about = next((owner[id(r.about)] for r in incident if r.about is not None and id(r.about) in owner
                      and owner[id(r.about)] != i), None)
        if about is not None:
            events[i] = replace(events[i], about_event_id=event_id_for(events[about]))
    return events


# A story of this many incidents or fewer is about one of them: any day it names may be its day.
FEW_INCIDENTS = 2


def told_elsewhere(incidents: Sequence[Sequence[SentenceReport]], i: int, offset: int) -> list[tuple[int, int]]:
    """The sentences (Doc offsets) that tell incidents other than the i-th, whose days and
    places are theirs; none in a story of one or two incidents."""
    if len(incidents) <= FEW_INCIDENTS:
        return []
    return [(r.mention.sentence_start - offset, r.mention.sentence_end - offset)
            for j, incident in enumerate(incidents) if j != i for r in incident]
