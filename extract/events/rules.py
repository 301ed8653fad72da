"""The event rules: word lists and patterns from seeds/events/*.csv, read once into a frozen object."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from extract.confidence import confidence_weights
from extract.events.families import NAMED_IN_CODE
from extract.events.patterns import CountPatterns, Phrases, StreetPattern, count_patterns, street_pattern
from extract.events.seed_rows import (
    ActorAliasRow,
    CasualtyCueRow,
    ClassCueRow,
    CountryCueRow,
    EventClassRow,
    FamilyRow,
    GatheringWordRow,
    ModalWordRow,
    NumberWordRow,
    PlaceNounRow,
    QualifierRow,
    SectorRow,
    TriggerRow,
    UnrealWordRow,
    VictimNounRow,
    ZeroCasualtyRow,
)
from nlp.places import Gazetteer
from nlp.toponyms import CountryCue
from seedrows import read_column, read_rows


@dataclass(frozen=True)
class EventClass:
    """One of the 30 classes: an ACLED sub-event type or one of five other kinds."""

    name: str
    case_label: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    plover_type: str | None
    plover_mode: str | None
    violent: bool
    needs: str  # what a sentence must hold to report one: anything | participant | participants | place | person | people struck


@dataclass(frozen=True)
class TriggerWord:
    lemmas: tuple[str, ...]  # one word, or a phrase of lemmas: ("open", "fire")
    pos: frozenset[str]  # NOUN, VERB, ADJ
    family: str  # violence, protest, arrest, ...
    plover_type: str | None  # overrides the class's PLOVER type ("expel" is SANCTION)
    event_class: str | None  # overrides the family's default class ("agreed to" is an Agreement)


@dataclass(frozen=True)
class Family:
    name: str
    default_class: str
    needs: str  # anything | casualty | participant | participants
    carries_toll: bool = True  # False: a statement, a meeting, a deal or an arrest counts no dead or injured


@dataclass(frozen=True)
class ClassCue:
    """A sentence pattern that types an event: the most specific cue that fits wins."""

    event_class: str
    pattern: re.Pattern[str]
    priority: int
    families: frozenset[str]  # the cue types sentences with a trigger of these families
    condition: str | None  # state_actor | non_state_actor


@dataclass(frozen=True)
class CasualtyCue:
    kind: str  # killed | injured | arrested | abducted
    pattern: re.Pattern[str]
    victim: str  # object (passive subject or active object) | subject | of ("the bodies of two men")
    weak: bool  # "shot" may have been fatal: an injury only where no death is told


@dataclass(frozen=True)
class ActorAlias:
    canonical: str
    sector: str | None
    country_iso3: str | None


@dataclass(frozen=True)
class EventConfidence:
    """How sure an event's typing is (seeds/confidence_weights.csv says what each weight means)."""

    base: float
    per_cue_priority: float
    priority_without_cue: float


@dataclass(frozen=True)
class ModalWords:
    """Auxiliaries that change what a trigger tells (seeds/events/modal_words.csv)."""

    not_a_report: frozenset[str] = frozenset()  # "to attack", "will attack", "could be planned"
    hypothetical: frozenset[str] = frozenset()  # "could attack": modality hypothetical
    future: frozenset[str] = frozenset()  # "will attack": modality future
    unreal: frozenset[str] = frozenset()  # "would have killed": a count that did not happen


@dataclass(frozen=True)
class EventRules:
    classes: Mapping[str, EventClass]
    triggers: Mapping[str, tuple[TriggerWord, ...]]  # first lemma -> words starting with it
    families: Mapping[str, Family]
    family_order: tuple[str, ...]  # which family types a sentence when no cue does, most telling first
    cues: tuple[ClassCue, ...]  # highest priority first
    casualty_cues: tuple[CasualtyCue, ...]
    # the cues' patterns as one alternation: a sentence it does not match has none of them, and
    # one pass over it costs half of the cues' passes
    any_casualty_cue: re.Pattern[str]
    zero_casualties: tuple[tuple[re.Pattern[str], frozenset[str]], ...]
    number_words: Mapping[str, tuple[int, bool]]  # word -> (n, vague)
    qualifiers: Mapping[str, str]
    count_patterns: CountPatterns  # numbers of dead and wounded written out, built from the two above
    victim_nouns: Mapping[str, str]  # noun -> victim category
    roundup_subjects: frozenset[str]
    roundup_periods: re.Pattern[str]  # "76 victims during January": a tally over a period (roundup_periods.csv)
    hit_verbs: frozenset[str]  # "a rocket hit the town": a weapon named did something
    verbal_objects: frozenset[str]  # "attacked the proclamation": words against words, no attack
    report_verbs: frozenset[str]  # "said Monday", "identified Tuesday": days of the report, not of the incident
    area_nouns: frozenset[str]  # "province", "city": a place name before them is still a place
    street_pattern: StreetPattern  # addresses, from the street nouns of seeds/events/place_nouns.csv
    not_events: Phrases  # metaphors and idioms: "price war", "heart attack"
    aliases: Mapping[str, ActorAlias]  # casefolded alias -> actor
    sectors: Mapping[str, str]  # noun -> sector
    non_conflict_causes: frozenset[str]  # "fire", "accident": what kills without being an attack
    gazetteer: Gazetteer
    confidence: EventConfidence
    not_places: frozenset[str] = frozenset()  # common words GeoNames has towns for (seeds/places/not_places.csv)
    party_sectors: frozenset[str] = frozenset()  # sides that make a meeting or a deal diplomacy: states, armed groups
    market_nouns: frozenset[str] = frozenset()  # "shares", "prices": a market's moves are no attack or crash
    literal_triggers: frozenset[str] = frozenset()  # "murder", "behead": never figurative in news
    physical_nouns: frozenset[str] = frozenset()  # "building", "bus": what burns, collapses or crashes
    office_titles: frozenset[str] = frozenset()
    political_bodies: frozenset[str] = frozenset()  # "council", "party", "OPEC": bodies of states and parties  # "President", "Senator": a person who speaks for a state
    company_words: frozenset[str] = frozenset()  # "Inc", "subsidiary": a firm's deal is no diplomacy
    protest_cues: re.Pattern[str] | None = None  # what makes a rally a protest ("against", "protesters")
    gathering_words: Mapping[str, bool] = field(default_factory=dict)  # "rally" -> needs a protest cue
    not_town_before: frozenset[str] = frozenset()  # "Street", "County": a name before them is no town
    perpetrator_nouns: frozenset[str] = frozenset()  # "the attackers", "the gunman": of an incident told before
    unreal_words: Mapping[str, str] = field(default_factory=dict)  # "if" -> condition, "capable" -> capability
    charge_words: frozenset[str] = frozenset()  # "counts of homicide": a charge, not an incident report
    authority_verbs: frozenset[str] = frozenset()  # "caught": an arrest only when authorities do it
    hazard_subjects: frozenset[str] = frozenset()  # "the river flooded": what a natural verb needs as subject
    arrest_for: frozenset[str] = frozenset()  # "arrested after the shooting": prepositions naming what for
    law_nouns: frozenset[str] = frozenset()  # "signed the bill": a law is no agreement between parties
    disease_words: re.Pattern[str] | None = None  # "COVID-19", "outbreak": an incident only when counted
    outbreak_counts: re.Pattern[str] | None = None  # "2,741 confirmed cases"
    incident_heads: frozenset[str] = frozenset()  # "the shooting victim": a compound that still tells an incident
    audience_nouns: frozenset[str] = frozenset()  # "a meeting with reporters": the public, not a party
    site_nouns: frozenset[str] = frozenset()  # "seized the base": what armed sides take and hold
    way_verbs: frozenset[str] = frozenset()  # "blocked the highway": a protest only when a way is blocked
    making_verbs: frozenset[str] = frozenset()  # "signed an agreement", "held talks": what makes a deal or a meeting
    crowd_nouns: frozenset[str] = frozenset()  # "drove into a crowd": where people are, for a ramming
    membership_nouns: frozenset[str] = frozenset()  # "part of a pact": a standing membership, not a deal made
    person_verbs: frozenset[str] = frozenset()  # "release": an event only when a person is released
    captive_nouns: frozenset[str] = frozenset()  # "hostages", "sailors": people held who can be released
    country_cues: tuple[CountryCue, ...] = ()  # words only one country's news writes (seeds/places/country_cues.csv)
    state_force_words: frozenset[str] = frozenset()  # "the army": a state's forces without a nationality
    modals: ModalWords = ModalWords()


def _column(path: Path, column: str) -> frozenset[str]:
    """One column of a seed CSV as a set of words."""
    return frozenset(read_column(path, column))


def _folded(path: Path, column: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in read_column(path, column))


def _patterns(path: Path) -> list[str]:
    return list(read_column(path, "pattern"))


def _classes(rows: tuple[EventClassRow, ...]) -> dict[str, EventClass]:
    return {row.event_class: EventClass(row.event_class, row.case_label, row.acled_event_type,
                                        row.acled_sub_event_type, row.plover_type, row.plover_mode, row.violent,
                                        row.needs)
            for row in rows}


def _triggers(rows: tuple[TriggerRow, ...]) -> dict[str, tuple[TriggerWord, ...]]:
    index: dict[str, list[TriggerWord]] = {}
    for row in rows:
        lemmas = tuple(row.lemma.casefold().split())
        word = TriggerWord(lemmas, row.pos, row.family, row.plover_type, row.event_class)
        index.setdefault(lemmas[0], []).append(word)
    # longer phrases first: "open fire" before "open"
    return {k: tuple(sorted(v, key=lambda w: -len(w.lemmas))) for k, v in index.items()}


def _cues(rows: tuple[ClassCueRow, ...]) -> tuple[ClassCue, ...]:
    cues = [ClassCue(row.event_class, re.compile(rf"\b(?:{row.pattern})", re.I), row.priority, row.families,
                     row.condition) for row in rows]
    return tuple(sorted(cues, key=lambda c: -c.priority))


def _modal_words(rows: tuple[ModalWordRow, ...]) -> ModalWords:
    return ModalWords(*(frozenset(row.word for row in rows if getattr(row, kind))
                        for kind in ("not_a_report", "hypothetical", "future", "unreal")))


def load_event_rules(seeds_dir: Path, gazetteer: Gazetteer) -> EventRules:
    """Every rule file of seeds/events/, checked for consistency (a cue or a family naming a
    class that does not exist is an error, not a silent miss). Long because it names each of
    the rule set's fields beside the file it is read from."""
    folder = seeds_dir / "events"
    classes = _classes(read_rows(folder / "event_classes.csv", EventClassRow))
    family_rows = read_rows(folder / "families.csv", FamilyRow)
    if len({row.precedence for row in family_rows}) != len(family_rows):
        raise ValueError("seeds/events/families.csv gives two families one precedence")
    families = {row.family: Family(row.family, row.default_class, row.needs, row.carries_toll) for row in family_rows}
    if NAMED_IN_CODE - set(families):
        raise ValueError(f"seeds/events/families.csv lacks the families {sorted(NAMED_IN_CODE - set(families))} "
                         "that the event rules name")
    cues = _cues(read_rows(folder / "class_cues.csv", ClassCueRow))
    unknown = ({f.default_class for f in families.values()} | {c.event_class for c in cues}) - set(classes)
    if unknown:
        raise ValueError(f"seeds/events: unknown event classes {sorted(unknown)}")
    triggers = _triggers(read_rows(folder / "triggers.csv", TriggerRow))
    if {w.family for words in triggers.values() for w in words} - set(families):
        raise ValueError("seeds/events/triggers.csv names a family that families.csv lacks")
    if {w.event_class for words in triggers.values() for w in words if w.event_class} - set(classes):
        raise ValueError("seeds/events/triggers.csv names an event class that event_classes.csv lacks")
    number_words = {row.word.casefold(): (row.n, row.vague) for row in read_rows(folder / "number_words.csv", NumberWordRow)}
    place_nouns = read_rows(folder / "place_nouns.csv", PlaceNounRow)
    qualifiers = {row.phrase.casefold(): row.qualifier for row in read_rows(folder / "qualifiers.csv", QualifierRow)}
    casualty_cues = tuple(CasualtyCue(row.kind, re.compile(rf"\b(?:{row.pattern})\b", re.I), row.victim,
                                      row.certainty == "weak")
                          for row in read_rows(folder / "casualty_cues.csv", CasualtyCueRow))
    return EventRules(
        classes=classes,
        triggers=triggers,
        families=families,
        family_order=tuple(row.family for row in sorted(family_rows, key=lambda row: row.precedence)),
        cues=cues,
        casualty_cues=casualty_cues,
        any_casualty_cue=re.compile("|".join(cue.pattern.pattern for cue in casualty_cues), re.I),
        zero_casualties=tuple((re.compile(rf"\b(?:{row.pattern})", re.I), row.kinds)
                              for row in read_rows(folder / "zero_casualties.csv", ZeroCasualtyRow)),
        number_words=number_words,
        qualifiers=qualifiers,
        count_patterns=count_patterns(number_words, qualifiers),
        victim_nouns={row.noun.casefold(): row.category for row in read_rows(folder / "victim_nouns.csv", VictimNounRow)},
        roundup_subjects=_folded(folder / "roundup_subjects.csv", "noun"),
        roundup_periods=re.compile("|".join(f"(?:{p})" for p in _patterns(folder / "roundup_periods.csv")), re.I),
        hit_verbs=_column(folder / "hit_verbs.csv", "lemma"),
        verbal_objects=_folded(folder / "verbal_objects.csv", "noun"),
        report_verbs=_column(seeds_dir / "reporting_verbs.csv", "lemma") | _column(folder / "report_verbs.csv", "lemma"),
        area_nouns=frozenset(row.noun for row in place_nouns if row.kind == "area"),
        street_pattern=street_pattern([row.noun for row in place_nouns if row.kind == "street"],
                                      [row.noun for row in place_nouns if row.kind == "street_numbered"]),
        not_events=Phrases.of(read_column(folder / "not_events.csv", "phrase")),
        aliases={row.alias.casefold(): ActorAlias(row.canonical, row.sector, row.country_iso3)
                 for row in read_rows(folder / "actor_aliases.csv", ActorAliasRow)},
        sectors={row.noun.casefold(): row.sector for row in read_rows(folder / "actor_sectors.csv", SectorRow)},
        non_conflict_causes=_folded(folder / "non_conflict_causes.csv", "noun"),
        gazetteer=gazetteer,
        confidence=confidence_weights(seeds_dir, "events", EventConfidence),
        not_places=_folded(seeds_dir / "places" / "not_places.csv", "word"),
        party_sectors=_column(folder / "party_sectors.csv", "sector"),
        market_nouns=_column(folder / "market_nouns.csv", "noun"),
        literal_triggers=_column(folder / "literal_triggers.csv", "lemma"),
        physical_nouns=_column(folder / "physical_nouns.csv", "noun"),
        office_titles=_column(folder / "office_titles.csv", "word"),
        political_bodies=_column(folder / "political_bodies.csv", "word"),
        company_words=_folded(folder / "company_words.csv", "word"),
        protest_cues=re.compile("|".join(_patterns(folder / "protest_cues.csv")), re.I),
        gathering_words={row.lemma: row.needs_cue for row in read_rows(folder / "gathering_words.csv", GatheringWordRow)},
        not_town_before=frozenset(row.noun for row in place_nouns if row.kind.startswith("street"))
        | _column(seeds_dir / "places" / "not_town_before.csv", "word"),
        perpetrator_nouns=_column(folder / "perpetrator_nouns.csv", "lemma"),
        law_nouns=_column(folder / "law_nouns.csv", "noun"),
        arrest_for=_column(folder / "arrest_for.csv", "preposition"),
        hazard_subjects=_column(folder / "hazard_subjects.csv", "noun"),
        authority_verbs=_column(folder / "authority_verbs.csv", "lemma"),
        charge_words=_column(folder / "charge_words.csv", "word"),
        unreal_words={row.word: row.kind for row in read_rows(folder / "unreal_words.csv", UnrealWordRow)},
        disease_words=re.compile(r"\b(?:" + "|".join(_patterns(folder / "disease_words.csv")) + r")\b", re.I),
        outbreak_counts=re.compile("|".join(_patterns(folder / "outbreak_counts.csv")), re.I),
        incident_heads=_column(folder / "incident_heads.csv", "noun"),
        audience_nouns=_column(folder / "audience_nouns.csv", "noun"),
        site_nouns=_column(folder / "site_nouns.csv", "noun"),
        way_verbs=_column(folder / "way_verbs.csv", "lemma"),
        making_verbs=_column(folder / "making_verbs.csv", "lemma"),
        crowd_nouns=_column(folder / "crowd_nouns.csv", "noun"),
        membership_nouns=_column(folder / "membership_nouns.csv", "noun"),
        person_verbs=_column(folder / "person_verbs.csv", "lemma"),
        captive_nouns=_column(folder / "captive_nouns.csv", "noun"),
        state_force_words=_column(folder / "state_force_words.csv", "word"),
        modals=_modal_words(read_rows(folder / "modal_words.csv", ModalWordRow)),
        country_cues=tuple(CountryCue(re.compile(row.pattern), row.country_iso2)
                           for row in read_rows(seeds_dir / "places" / "country_cues.csv", CountryCueRow)),
    )
