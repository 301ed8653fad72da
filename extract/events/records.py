"""The records events are made of: an Event per incident, with its actors, casualty parts and mentions.

Every offset indexes the article's raw text. The warehouse loads these records as they are.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class EventActor:
    role: str  # actor | target | victim | claimant
    ord: int
    text: str
    canonical: str
    sector: str | None
    country_iso3: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Casualty:
    """One part of a count: "20 tourists" killed, "a man" wounded."""

    kind: str  # killed | injured | arrested | abducted
    victim_text: str
    victim_category: str | None
    n: int
    qualifier: str | None  # at least | more than | about | up to
    counted_in_total: bool
    cue_start: int  # the word that says what happened to them ("killed", "dead", "wounded")
    cue_end: int
    victim_key: str | None = None  # one person followed across sentences ("a man" ... "he"); None for groups
    weak: bool = False  # "shot", "stabbed": an injury unless the incident's deaths include them


@dataclass(frozen=True)
class EventMention:
    """One sentence that speaks of an incident; the first mention is where the event was found."""

    trigger_text: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    event_class: str | None  # how this sentence alone would type it
    fatalities: int | None  # the counts this sentence states, if any
    injured: int | None
    date_text: str | None


@dataclass(frozen=True)
class Event:
    """One incident an article reports, merged from its mentions."""

    article_id: str
    event_class: str  # an ACLED sub-event type or one of five other kinds (seeds/events/event_classes.csv)
    event_type: str | None  # PLOVER; None for disasters and accidents
    event_mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    trigger_text: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    event_date: date | None
    date_precision: str
    date_text: str | None
    date_source: str  # sentence | article (the nearest day the article names) | none
    place_text: str | None
    place_name: str | None  # the GeoNames name: "Tunis" for "the Tunisian capital"
    geonameid: int | None
    country_iso3: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: str
    place_note: str | None
    place_source: str  # sentence | dateline (the article names no place for it) | none
    address: str | None  # the finest place the article gives: "the 100 block of Brushwood Drive"
    fatalities: int | None
    fatalities_qualifier: str | None
    injured: int | None
    injured_qualifier: str | None
    responsibility_status: str
    claimed_by: str | None
    modality: str
    confidence: float
    actors: tuple[EventActor, ...] = field(default_factory=tuple)
    casualties: tuple[Casualty, ...] = field(default_factory=tuple)
    mentions: tuple[EventMention, ...] = field(default_factory=tuple)
    about_event_id: str | None = None  # an arrest's: the event (of the same article) it is for


def event_id_for(event: Event) -> str:
    """Stable event id: the article and the trigger span."""
    return hashlib.sha256(f"{event.article_id}|{event.trigger_start}|{event.trigger_end}".encode()).hexdigest()[:16]
