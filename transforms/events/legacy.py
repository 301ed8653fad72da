"""Events: what happened, who did it to whom, where, when and how many, in PLOVER and ACLED terms.

One event per sentence at most, typed by its most specific trigger (seeds/event_types.csv:
"suicide bombers" before "struck"); actors through seeds/actor_aliases.csv and
seeds/actor_sectors.csv; places through the gazetteer (the dateline is never an event place);
dates through transforms.dates, "two days later" counting from the previous event.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from spacy.tokens import Span, Token

from transforms.dates import ResolvedDate, resolve_date, speaks_of_future
from transforms.places import (
    Gazetteer,
    PlaceMatch,
    PlaceMention,
    country_for_demonym,
    place_key,
    place_mentions,
    resolve_place,
)
from transforms.quotes import DocIndex

EVENTS_VERSION = "events.v1"

PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "who", "which", "that"})
SPECIFIC_PRIORITY = 5  # event_types.csv priority from which a trigger is specific
ROUNDUP_SUBJECTS = frozenset({"battles", "attacks", "strikes", "fighting", "clashes", "violence", "war", "wars"})
VAGUE_NUMBERS = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "tens": 10}  # ACLED-style floors
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "a hundred": 100, "a dozen": 12}
QUALIFIERS = {"at least": "at least", "more than": "more than", "over": "more than", "about": "about",
              "around": "about", "nearly": "about", "almost": "about", "some": "about", "up to": "up to"}
_NUMBER = r"(?:\d[\d,]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + "|" + "|".join(VAGUE_NUMBERS) + ")"
_QUALIFIER = r"(?:(?P<qualifier>" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+)?"
_NOT_VICTIM = r"(?!(?:were|was|are|is|have|had|been|and|in|on|other|more|reportedly|also|later|confirmed)\b)"
_PART = rf"{_QUALIFIER}(?P<n>{_NUMBER})(?:\s+of)?(?:\s+(?P<victims>{_NOT_VICTIM}[\w-]+))?"
# "20 tourists and one policeman were killed", "killing 142 people", "39 are confirmed dead"
# "five other civilians reportedly also died": a few describing words and adverbs may come between.
_BETWEEN = r"(?:\s+(?:other|more|people|civilians|reportedly|also|later|were|was|are|have|had|been|confirmed))*"
_KILLED_AFTER = re.compile(rf"(?P<parts>{_PART}(?:\s*(?:,|and)\s*{_NUMBER}\s+[\w-]+)*){_BETWEEN}\s+"
                           rf"(?P<kind>killed|dead|died|injured|wounded|hurt|arrested|"
                           rf"detained|abducted|kidnapped)\b", re.I)
_KILLED_BEFORE = re.compile(rf"\b(?P<kind>killing|killed|injuring|wounding|kill|wounded|injured)\s+{_PART}", re.I)
_CASUALTY_KIND = {"killed": "killed", "dead": "killed", "died": "killed", "killing": "killed", "kill": "killed",
                  "injured": "injured", "wounded": "injured", "hurt": "injured", "injuring": "injured",
                  "wounding": "injured", "arrested": "arrested", "detained": "arrested", "abducted": "abducted",
                  "kidnapped": "abducted"}
_CAPITAL_PHRASE = re.compile(r"\bthe\s+[A-Z][a-z]+\s+capital\b")
_CLAIM = re.compile(r"\bclaimed\s+responsibility\b", re.I)
_DENY = re.compile(r"\bdenied\s+(?:any\s+)?(?:responsibility|involvement)\b", re.I)
_BLAME = re.compile(r"\b(?:blamed|accused)\b", re.I)
_SUSPECT = re.compile(r"\bsuspected\b", re.I)
_HYPOTHETICAL = frozenset({"could", "may", "might", "would"})
# Capitalised words that are never places here, though GeoNames has towns of those names.
_PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "of", "outside", "from", "into", "to", "around"})
_NOT_PLACE_WORDS = frozenset({"the", "of", "and", "in", "on", "at", "to", "a", "police", "army", "national", "said",
                              "today", "yesterday", "president", "government", "people", "text", "report"})


@dataclass(frozen=True)
class EventType:
    pattern: re.Pattern[str]
    plover_type: str
    plover_mode: str | None
    acled_event_type: str
    acled_sub_event_type: str
    priority: int


@dataclass(frozen=True)
class ActorAlias:
    canonical: str
    sector: str | None
    country_iso3: str | None


@dataclass(frozen=True)
class EventRules:
    event_types: tuple[EventType, ...]  # most specific first
    aliases: Mapping[str, ActorAlias]  # casefolded alias -> actor
    sectors: Mapping[str, str]  # noun -> sector
    gazetteer: Gazetteer
    non_conflict_causes: frozenset[str]  # "fire", "accident": what kills without being an attack


def load_event_rules(seeds_dir: Path, gazetteer: Gazetteer) -> EventRules:
    with (seeds_dir / "event_types.csv").open(newline="", encoding="utf-8") as handle:
        types = [EventType(re.compile(rf"\b{row['pattern']}", re.I), row["plover_type"],
                           row["plover_mode"] or None, row["acled_event_type"], row["acled_sub_event_type"],
                           int(row["priority"])) for row in csv.DictReader(handle)]
    with (seeds_dir / "actor_aliases.csv").open(newline="", encoding="utf-8") as handle:
        aliases = {row["alias"].casefold(): ActorAlias(row["canonical"], row["sector"] or None,
                                                      row["country_iso3"] or None) for row in csv.DictReader(handle)}
    with (seeds_dir / "actor_sectors.csv").open(newline="", encoding="utf-8") as handle:
        sectors = {row["noun"].casefold(): row["sector"] for row in csv.DictReader(handle)}
    with (seeds_dir / "non_conflict_causes.csv").open(newline="", encoding="utf-8") as handle:
        causes = frozenset(row["noun"].casefold() for row in csv.DictReader(handle))
    return EventRules(tuple(sorted(types, key=lambda t: -t.priority)), aliases, sectors, gazetteer, causes)


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
    kind: str  # killed | injured | arrested | abducted
    victim_text: str
    victim_category: str | None
    n: int
    qualifier: str | None
    counted_in_total: bool
    cue_start: int  # the word that says what happened to them ("killed", "dead", "wounded")
    cue_end: int


@dataclass(frozen=True)
class Event:
    """One event; offsets index the article's raw text."""

    article_id: str
    event_type: str
    event_mode: str | None
    acled_event_type: str
    acled_sub_event_type: str
    trigger_text: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    event_date: date | None
    date_precision: str
    date_text: str | None
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
    # Triggers of later sentences about the same event ("Dozens died in the attack"), merged in.
    later_mentions: tuple[tuple[int, int], ...] = field(default_factory=tuple)


def _number(text: str) -> int | None:
    text = text.casefold().replace(",", "")
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text) or VAGUE_NUMBERS.get(text)


def casualties_in(sentence: str) -> list[Casualty]:
    """Casualty counts of a sentence, part by part, with the offsets of their cue word in it.

    Example: "20 tourists and one policeman were killed" -> killed 20 tourists, killed 1
    policeman (total 21); "killing 142 people" -> killed 142; "dozens" counts 12.
    """
    found: list[Casualty] = []
    for match in _KILLED_AFTER.finditer(sentence):
        kind = _CASUALTY_KIND[match["kind"].casefold()]
        for part in re.finditer(_PART, match["parts"], re.I):
            n = _number(part["n"])
            if n is not None:
                found.append(Casualty(kind, part["victims"] or "", None, n,
                                      QUALIFIERS.get((part["qualifier"] or "").casefold()), True,
                                      match.start("kind"), match.end("kind")))
    if not found:
        for match in _KILLED_BEFORE.finditer(sentence):
            n = _number(match["n"])
            if n is not None:
                found.append(Casualty(_CASUALTY_KIND[match["kind"].casefold()], match["victims"] or "", None, n,
                                      QUALIFIERS.get((match["qualifier"] or "").casefold()), True,
                                      match.start("kind"), match.end("kind")))
    return found


_NO_CASUALTIES = re.compile(
    r"\b(?:(?:nobody|no\s+one|none)\s+(?:was|were)\s+(?:reported\s+)?(?P<kind>killed|injured|hurt|wounded)"
    r"|no\s+(?P<noun>casualties|injuries|deaths|fatalities)\s+(?:were|was|have\s+been)\s+reported"
    r"|(?:caused|causing|with|without|there\s+were)\s+no\s+(?P<noun2>casualties|injuries|deaths|fatalities))\b", re.I)


def no_casualties_in(sentence: str) -> list[Casualty]:
    """ "nobody was injured", "no casualties were reported": zero counts, which ACLED records as 0.
    Nobody hurt means nobody killed either; no deaths says nothing of the injured."""
    match = _NO_CASUALTIES.search(sentence)
    if match is None:
        return []
    group = next(name for name in ("kind", "noun", "noun2") if match[name])
    cue = (match.start(group), match.end(group))
    if match[group].casefold() in ("killed", "deaths", "fatalities"):
        return [Casualty("killed", "", None, 0, None, True, *cue)]
    return [Casualty("killed", "", None, 0, None, True, *cue), Casualty("injured", "", None, 0, None, True, *cue)]


def _named_victims(index: DocIndex, sentence: Span) -> list[Casualty]:
    """ "killed Abu Dhabi TV photojournalist Ziad al-Sharabi": a person named as the object of
    a killing is one death. Cue offsets are relative to the sentence, as casualties_in's."""
    victims = []
    for token in sentence:
        if token.lemma_ in ("kill", "murder", "assassinate") and token.pos_ == "VERB":
            for child in token.children:
                entity = index.entity_at(child.i) if child.dep_ in ("dobj", "nsubjpass") else None
                if entity is not None and entity.label_ == "PERSON":
                    victims.append(Casualty("killed", entity.text, None, 1, None, True,
                                            token.idx - sentence.start_char,
                                            token.idx + len(token.text) - sentence.start_char))
    return victims


def _total(casualties: Sequence[Casualty], kind: str) -> tuple[int | None, str | None]:
    parts = [c for c in casualties if c.kind == kind and c.counted_in_total]
    if not parts:
        return None, None
    qualifiers = {c.qualifier for c in parts if c.qualifier}
    return sum(c.n for c in parts), (qualifiers.pop() if len(qualifiers) == 1 else None)


def _event_type(sentence: str, rules: EventRules) -> tuple[EventType, re.Match[str]] | None:
    for event_type in rules.event_types:
        match = event_type.pattern.search(sentence)
        if match:
            return event_type, match
    return None


def _actor(index: DocIndex, token: Token, role: str, ord_: int, rules: EventRules,
           previous_actor: EventActor | None) -> EventActor:
    """An actor from its head token: alias canonical name, sector, country from a nationality
    adjective ("Iraqi armed forces"); "its suicide bombers" is the previous actor's; "a group,
    which claimed" is the group."""
    if token.lower_ in ("which", "who", "that") and token.head.dep_ == "relcl":
        token = token.head.head
    tokens = [t for t in token.subtree if t.i <= token.i]  # the noun phrase up to its head
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = index.text[start:end]
    possessive = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if possessive is not None and previous_actor is not None:
        return EventActor(role, ord_, text, previous_actor.canonical, previous_actor.sector or rules.sectors.get(
            token.lower_), previous_actor.country_iso3, start, end)
    alias = next((rules.aliases[t.text.casefold()] for t in tokens if t.text.casefold() in rules.aliases), None)
    if alias is None:
        alias = rules.aliases.get(text.casefold())
    # the first sector word wins: "rebel forces" are rebels, "Iraqi armed forces" the military
    sector = (alias.sector if alias else None) or next(
        (rules.sectors[t.lower_] for t in tokens if t.lower_ in rules.sectors), None)
    country = alias.country_iso3 if alias else None
    for t in tokens:
        iso2 = country_for_demonym(t.text, rules.gazetteer)
        if iso2 and country is None:
            country = rules.gazetteer.countries_by_iso2[iso2].country_iso3
    return EventActor(role, ord_, text, alias.canonical if alias else text, sector, country, start, end)


def _event_place(index: DocIndex, sentence: Span, mentions: Sequence[PlaceMention], rules: EventRules,
                 dateline: tuple[int, int] | None, priors: set[str]) -> PlaceMention | None:
    """The event's place: "the Tunisian capital", else the last place named with a preposition
    ("in Yemen", "out of Kobane"), else the last place of the sentence. Never the dateline.
    `mentions` are the article's places, those that only describe a noun left out."""
    capital = _CAPITAL_PHRASE.search(sentence.text)
    if capital:
        start = sentence.start_char + capital.start()
        match = resolve_place(capital.group(), rules.gazetteer, priors)
        if match.place is not None:
            return PlaceMention(start, start + len(capital.group()), capital.group(), "PHRASE", match)
    inside = [m for m in mentions if sentence.start_char <= m.start < sentence.end_char
              and not (dateline and dateline[0] <= m.start < dateline[1]) and _plausible(m, priors)]
    if not inside:
        inside = _gazetteer_places(index, sentence, rules.gazetteer, priors)
    with_preposition = [m for m in inside if m.start > 3 and index.text[max(0, m.start - 12):m.start].split()[-1:] in
                        (["in"], ["of"], ["at"], ["near"], ["into"], ["outside"], ["from"])]
    chosen = (with_preposition or inside)
    return chosen[-1] if chosen else None


PLACE_NOUNS = frozenset({"province", "city", "town", "village", "region", "district", "department", "state",
                         "governorate", "area", "capital", "border", "county", "municipality", "suburb", "camp"})


def _modifies_a_noun(index: DocIndex, mention: PlaceMention) -> bool:
    """ "a U.S. military convoy", "the Iraqi army": the name describes a noun that is not a place
    ("Deir Ezzor province" is a place)."""
    span = index.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or mention.match.precision != "country":
        return False
    root = span.root
    return (root.dep_ in ("compound", "amod", "nmod") and root.head.i > root.i
            and root.head.lower_ not in PLACE_NOUNS and root.head.pos_ == "NOUN")


def _governing_verb(trigger: Token | None) -> Token | None:
    """The trigger if it is a verb, else the verb its noun hangs from ("claimed responsibility
    for an attack" -> claimed)."""
    token = trigger
    for _ in range(6):
        if token is None or token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


CONCRETE_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
BACK_REFERENCE = frozenset({"the", "that", "this", "these", "those"})


def _same_event(events: Sequence[Event], event_type: EventType, trigger: Token | None, resolved: ResolvedDate,
                place: PlaceMention | None) -> Event | None:
    """The earlier event a sentence refers back to: same type, a generic or definite trigger
    ("the attack", "the blast"), and no other day or country."""
    earlier = next((e for e in reversed(events) if e.event_type == event_type.plover_type), None)
    if earlier is None or trigger is None:
        return None
    definite = any(c.lower_ in BACK_REFERENCE for c in trigger.children if c.dep_ == "det")
    if not (definite or event_type.priority < SPECIFIC_PRIORITY):
        return None
    if resolved.precision == "day" and earlier.event_date not in (None, resolved.start):
        return None
    if place is not None and place.match.place is not None and earlier.country_iso3 not in (
            None, place.match.place.country_iso3):
        return None
    return earlier


def _with_counts(event: Event, casualties: Sequence[Casualty], mention: tuple[int, int],
                 additional: bool = False) -> Event:
    """The event with the counts a later sentence gives, where it had none (or added to its own
    when the sentence says "other" or "another"), and the later trigger."""
    fatalities, fatalities_qualifier = _total(casualties, "killed")
    injured, injured_qualifier = _total(casualties, "injured")
    updates: dict[str, object] = {"later_mentions": event.later_mentions + (mention,)}
    if fatalities is not None and (event.fatalities is None or additional):
        updates |= {"fatalities": (event.fatalities or 0) + fatalities if additional else fatalities,
                    "fatalities_qualifier": fatalities_qualifier or event.fatalities_qualifier}
    if injured is not None and (event.injured is None or additional):
        updates |= {"injured": (event.injured or 0) + injured if additional else injured,
                    "injured_qualifier": injured_qualifier or event.injured_qualifier}
    if "fatalities" in updates or "injured" in updates:
        updates["casualties"] = event.casualties + tuple(casualties)
    return replace(event, **updates)


def _is_specific(priority: int, casualties: Sequence[Casualty], resolved: ResolvedDate, status: str,
                 place: PlaceMention | None, trigger: Token | None, actors: Sequence[EventActor]) -> bool:
    """A generic trigger ("attack", "killed") makes an event only with something concrete: a
    casualty count, a day, or a claim; a specific one ("suicide bombers", "detained") also
    with a place, or as a past-tense verb with a named actor ("Hungarian and Romanian officials
    agreed"). "By launching attacks in Yemen and Tunisia, ISIS aims ..." is no event."""
    concrete = bool(casualties) or resolved.precision == "day" or status != "none"
    if concrete:
        return True
    if priority < SPECIFIC_PRIORITY:
        return False
    placed = place is not None and place.match.place is not None
    acted = (trigger is not None and trigger.tag_ in ("VBD", "VBN") and trigger.pos_ == "VERB"
             and any(a.role == "actor" and a.text.casefold() not in PRONOUNS for a in actors))
    return placed or acted


def _place_or_dateline(place: PlaceMention | None, mentions: Sequence[PlaceMention],
                       dateline_place: PlaceMatch | None, gazetteer: Gazetteer) -> tuple[PlaceMatch | None, str]:
    """The sentence's place; else the dateline's country (where the story was filed), when no
    place the article names lies in another country, said so in place_source; else none.
    A Washington dateline on a story naming Iraq gives nothing."""
    if place is not None:
        return place.match, "sentence"
    filed = dateline_place.place if dateline_place is not None else None
    if filed is None or any(m.match.place is not None and m.match.place.country_iso2 != filed.country_iso2
                            for m in mentions):
        return None, "none"
    country = gazetteer.countries_by_iso2[filed.country_iso2]
    return PlaceMatch(dateline_place.text, country, "country", dateline_place.reason), "dateline"


def _place_note(match: PlaceMatch | None, source: str) -> str:
    if match is None:
        return "no place named in the sentence"
    if source == "dateline":
        return "the dateline's country: the story was filed there and the article names no other country"
    return match.reason


def _plausible(mention: PlaceMention, priors: set[str]) -> bool:
    """A resolved place that is a country, a big city, or in a country the article names: a
    town of Greece called Mindanao is not where a Philippine bombing happened."""
    place = mention.match.place
    if place is None:
        return False
    return (not priors or mention.match.precision == "country" or place.country_iso2 in priors
            or place.population >= 500_000)


def _modality(trigger: Token | None, sentence: Span) -> str:
    if trigger is not None:
        if any(c.dep_ == "neg" for c in trigger.children):
            return "negated"
        if any(c.lower_ in _HYPOTHETICAL for c in trigger.children if c.dep_ == "aux"):
            return "hypothetical"
        if any(c.lower_ in ("will", "shall") for c in trigger.children if c.dep_ == "aux"):
            return "future"
    return "asserted"


def _responsibility(sentence: Span, actors: Sequence[EventActor]) -> tuple[str, str | None]:
    text = sentence.text
    claimant = next((a.canonical for a in actors if a.role in ("actor", "claimant")), None)
    if _CLAIM.search(text):
        return "claimed", claimant
    if _DENY.search(text):
        return "denied", claimant
    if _BLAME.search(text):
        return "attributed", claimant
    if _SUSPECT.search(text):
        return "suspected", claimant
    return "none", None


_DATE_WORDS = re.compile(
    r"\b(?:(?:last|this|next)\s+(?:week|month|year)|today|yesterday|tonight|(?:on\s+)?(?:last\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[a-z]*(?:\s+\d{4})?|(?:\w+\s+)?days?\s+(?:later|ago|earlier))\b", re.I)


@dataclass(frozen=True)
class DateExpression:
    text: str
    start_char: int


def _bare_small_number(text: str) -> bool:
    """ "28" in "aged 28": the small model calls it a DATE; a date needs more than two digits."""
    return text.isdigit() and len(text) <= 2


def _date_expression(sentence: Span) -> DateExpression | None:
    """The sentence's DATE entity, else a date phrase found by pattern (the small model misses
    most dates in ALL-CAPS wire copy: "YESTERDAY", "ON 30 DECEMBER")."""
    entity = next((ent for ent in sentence.ents if ent.label_ == "DATE" and not _bare_small_number(ent.text)), None)
    if entity is not None:
        return DateExpression(entity.text, entity.start_char)
    match = _DATE_WORDS.search(sentence.text)
    if match is None:
        return None
    return DateExpression(match.group(), sentence.start_char + match.start())


_DIRECTIONS = frozenset({"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                         "southeastern", "southwestern", "north", "south", "east", "west"})


def _after_place_preposition(index: DocIndex, i: int) -> bool:
    """ "in X", "near X", also "in the eastern X"."""
    j = i - 1
    while j >= 0 and index.doc[j].lower_ in _DIRECTIONS | {"the"}:
        j -= 1
    return j >= 0 and j < i and index.doc[j].lower_ in _PLACE_PREPOSITIONS


def _gazetteer_places(index: DocIndex, sentence: Span, gazetteer: Gazetteer, priors: set[str]) -> list[PlaceMention]:
    """Place names the NER missed, found by looking capitalised words after a preposition up in
    the gazetteer ("IN PUERTO BELLO" in ALL-CAPS copy): exact keys only, and only countries or
    towns in a country the article (or its dateline) names."""
    found: list[PlaceMention] = []
    tokens = [t for t in sentence if t.is_alpha or t.text == "."]
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            words = tokens[i:i + size]
            if not all(w.is_alpha and w.text[:1].isupper() for w in words) or any(
                    w.lower_ in _NOT_PLACE_WORDS | _DIRECTIONS for w in words):
                continue
            if not _after_place_preposition(index, words[0].i):
                continue  # only "in X", "near X", "of X": a capitalised name alone may be a person
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            if any(m.start <= start < m.end for m in found):
                continue
            text = index.text[start:end]
            if place_key(text) not in gazetteer.places_by_key or len(place_key(text)) < 4:
                continue
            match = resolve_place(text, gazetteer, priors)
            if match.place is not None and (match.precision == "country" or match.place.country_iso2 in priors):
                found.append(PlaceMention(start, end, text, "GAZETTEER", match))
    return sorted(found, key=lambda m: m.start)


def extract_events(
    index: DocIndex, article_id: str, offset: int, rules: EventRules, published: date | None,
    dateline: tuple[int, int] | None = None, prior_countries: Iterable[str] = (),
    dateline_place: PlaceMatch | None = None,
) -> list[Event]:
    """Events of one Doc parsed from raw_text[offset:]; dateline is its span in the Doc's text
    (when the Doc holds it), dateline_place where the story was filed: the event's place only
    when the article names no place at all, and then place_source says "dateline".

    Round-ups ("The battles have killed thousands of ISIS fighters") are not events.
    """
    priors = set(prior_countries)
    entities = [(e.start_char, e.end_char, e.text, e.label_) for e in index.ents]
    mentions = place_mentions(entities, rules.gazetteer, priors)
    # countries the article names (not the countries of every town: "Mindanao" alone would vote Greece)
    priors |= {m.match.place.country_iso2 for m in mentions if m.match.precision == "country"}
    named_places = [m for m in mentions if not _modifies_a_noun(index, m)]
    events: list[Event] = []
    previous_date: date | None = None
    previous_actor: EventActor | None = None
    for sentence in index.doc.sents:
        found = _event_type(sentence.text, rules)
        if found is None:
            continue
        event_type, match = found
        trigger_start = sentence.start_char + match.start()
        trigger_span = index.doc.char_span(trigger_start, trigger_start + len(match.group()), alignment_mode="expand")
        trigger = trigger_span.root if trigger_span is not None else None
        verb = _governing_verb(trigger)
        if verb is not None and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ROUNDUP_SUBJECTS
                                    for c in verb.children):
            continue  # a round-up of many events, not one event
        actors: list[EventActor] = []
        if trigger is not None and trigger.pos_ == "NOUN":
            # "an assault by Iraqi armed forces", "an attack on the museum"
            for prep in trigger.children:
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    if prep.lower_ == "by":
                        actors.append(_actor(index, pobj, "actor", len(actors), rules, previous_actor))
                    elif prep.lower_ in ("on", "against"):
                        actors.append(_actor(index, pobj, "target", len(actors), rules, previous_actor))
        if verb is not None:
            for child in verb.children:
                if child.dep_ == "nsubj" and verb.lemma_ == "be":
                    actors.append(_actor(index, child, "target", len(actors), rules, previous_actor))
                elif child.dep_ == "nsubj":
                    actors.append(_actor(index, child, "actor", len(actors), rules, previous_actor))
                elif child.dep_ in ("dobj", "nsubjpass") and child.lower_ != "responsibility":
                    actors.append(_actor(index, child, "target", len(actors), rules, previous_actor))
                elif child.dep_ == "agent":
                    for by in child.children:
                        actors.append(_actor(index, by, "actor", len(actors), rules, previous_actor))
        if event_type.priority < SPECIFIC_PRIORITY and any(
                index.doc.char_span(a.start, a.end, alignment_mode="expand").root.lemma_.casefold()
                in rules.non_conflict_causes for a in actors if a.role == "actor"):
            continue  # "A fire killed five": a disaster, not an attack
        casualties = [replace(c, cue_start=c.cue_start + sentence.start_char + offset,
                              cue_end=c.cue_end + sentence.start_char + offset)
                      for c in (casualties_in(sentence.text) or _named_victims(index, sentence)
                                or no_casualties_in(sentence.text))]
        fatalities, fatalities_qualifier = _total(casualties, "killed")
        injured, injured_qualifier = _total(casualties, "injured")
        date_span = _date_expression(sentence)
        resolved = (resolve_date(date_span.text, published, previous_date,
                                 future=speaks_of_future(index.text[sentence.start_char:date_span.start_char]))
                    if date_span is not None else ResolvedDate("", None, "unknown", None))
        place = _event_place(index, sentence, named_places, rules, dateline, priors)
        status, claimed_by = _responsibility(sentence, actors)
        if not _is_specific(event_type.priority, casualties, resolved, status, place, trigger, actors):
            continue
        if event_type.plover_type not in CONCRETE_TYPES and (trigger is None or trigger.pos_ != "VERB"):
            continue  # "the accused" is a person, not an accusation
        earlier = _same_event(events, event_type, trigger, resolved, place)
        if earlier is not None:
            # "Dozens died in the attack": a later sentence about the same event adds its counts.
            mention = (trigger_start + offset, trigger_start + len(match.group()) + offset)
            additional = bool(re.search(r"\b(?:other|another)\b", sentence.text, re.I))
            events[events.index(earlier)] = _with_counts(earlier, casualties, mention, additional)
            continue
        first_actor = next((a for a in actors if a.role == "actor"), None)
        if first_actor is not None:
            previous_actor = first_actor
        if resolved.precision == "day":
            previous_date = resolved.start
        place_match, place_source = _place_or_dateline(place, named_places, dateline_place, rules.gazetteer)
        p = place_match.place if place_match is not None else None
        events.append(Event(
            article_id=article_id,
            event_type=event_type.plover_type,
            event_mode=event_type.plover_mode,
            acled_event_type=event_type.acled_event_type,
            acled_sub_event_type=event_type.acled_sub_event_type,
            trigger_text=match.group(),
            trigger_start=trigger_start + offset,
            trigger_end=trigger_start + len(match.group()) + offset,
            sentence_start=sentence.start_char + offset,
            sentence_end=sentence.end_char + offset,
            event_date=resolved.start if resolved.precision == "day" else None,
            date_precision=resolved.precision,
            date_text=date_span.text if date_span is not None else None,
            place_text=place_match.text if place_match is not None else None,
            place_name=p.name if p else None,
            geonameid=p.geonameid if p else None,
            country_iso3=p.country_iso3 if p else None,
            admin1=p.admin1 if p else None,
            latitude=p.latitude if p else None,
            longitude=p.longitude if p else None,
            geo_precision=place_match.precision if place_match is not None else "unknown",
            place_note=_place_note(place_match, place_source),
            place_source=place_source,
            fatalities=fatalities,
            fatalities_qualifier=fatalities_qualifier,
            injured=injured,
            injured_qualifier=injured_qualifier,
            responsibility_status=status,
            claimed_by=claimed_by,
            modality=_modality(verb, sentence),
            confidence=round(0.5 + 0.05 * event_type.priority, 2),
            actors=tuple(actors),
            casualties=tuple(casualties),
        ))
    return events
