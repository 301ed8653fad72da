"""The rows of the seeds/events CSVs as the typed loader reads them: one dataclass per file, its
fields the columns the rules use (the `note` and `why` columns are for the reader)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ModalWordRow:
    word: str
    not_a_report: bool
    hypothetical: bool
    future: bool
    unreal: bool


@dataclass(frozen=True)
class EventClassRow:
    event_class: str
    case_label: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    plover_type: str | None
    plover_mode: str | None
    violent: bool
    needs: str


@dataclass(frozen=True)
class FamilyRow:
    family: str
    default_class: str
    needs: str
    carries_toll: bool
    precedence: int  # which family types a sentence when no cue does: 1 first


@dataclass(frozen=True)
class TriggerRow:
    lemma: str
    pos: frozenset[str]
    family: str
    plover_type: str | None
    event_class: str | None


@dataclass(frozen=True)
class ClassCueRow:
    event_class: str
    pattern: str
    priority: int
    families: frozenset[str]
    condition: str | None


@dataclass(frozen=True)
class CasualtyCueRow:
    kind: str
    pattern: str
    victim: str
    certainty: str


@dataclass(frozen=True)
class ZeroCasualtyRow:
    pattern: str
    kinds: frozenset[str]


@dataclass(frozen=True)
class NumberWordRow:
    word: str
    n: int
    vague: bool


@dataclass(frozen=True)
class PlaceNounRow:
    noun: str
    kind: str  # area | street | street_numbered


@dataclass(frozen=True)
class QualifierRow:
    phrase: str
    qualifier: str


@dataclass(frozen=True)
class VictimNounRow:
    noun: str
    category: str


@dataclass(frozen=True)
class ActorAliasRow:
    alias: str
    canonical: str
    sector: str | None
    country_iso3: str | None


@dataclass(frozen=True)
class SectorRow:
    noun: str
    sector: str


@dataclass(frozen=True)
class GatheringWordRow:
    lemma: str
    needs_cue: bool


@dataclass(frozen=True)
class UnrealWordRow:
    word: str
    kind: str


@dataclass(frozen=True)
class CountryCueRow:
    pattern: str
    country_iso2: str
