"""Toponyms: which names in an article are places, and which places they are.

Only names used as places are geocoded: what the model tags GPE, LOC or FAC, or a gazetteer
name in a place context ("in Hartselle", "Clinton, Md."). A name the article uses for a
person ("Clinton" beside "Hillary Clinton"), a fragment ("n't"), a lowercase or common word
is never a place. The article decides among same-named places: the state a town is
qualified by, the states and countries it names, its dateline, then population.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from nlp.places import (
    Gazetteer,
    PlaceContext,
    PlaceMatch,
    place_key,
    resolve_place,
    state_named,
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model gives place names by mistake ("Tunis" LANGUAGE, "Kobane" ORG): a place
# only in a place context.
REPAIRABLE_LABELS = frozenset({"ORG", "LANGUAGE", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART"})
_STATE_AFTER = re.compile(r"^,\s*(?P<state>(?:[A-Z][a-z]*\.\s?){1,2}[A-Z]?[a-z]*\.?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)")
_TOPONYM_SHAPE = re.compile(r"^[A-Z][\w.'’&-]*(?:[\s-]+[\w.'’&-]+)*$")
PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "of", "outside", "from", "into", "to", "around", "across",
                                "toward", "towards", "through", "within"})

Entity = tuple[int, int, str, str]  # start, end, text, label: offsets into the Doc's text


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text, with spaCy's label and what the gazetteer made of it."""

    start: int
    end: int
    text: str
    label: str  # spaCy's label, kept so the repair can be seen
    match: PlaceMatch


def person_name_keys(entities: Iterable[Entity]) -> frozenset[str]:
    """The keys of every name the article gives a person, whole and word by word: "Hillary
    Clinton" makes "Clinton" a person wherever else it stands."""
    keys = set()
    for _, _, text, label in entities:
        if label == "PERSON":
            words = [w for w in re.split(r"[\s-]+", text) if w[:1].isupper()]
            keys |= {place_key(text), *(place_key(w) for w in words)}
    return frozenset(k for k in keys if len(k) > 2)


def state_qualifier(text: str, end: int, gazetteer: Gazetteer) -> str | None:
    """ "Clinton, Md." or "Paris, Texas": the state written after a town, as it stands."""
    found = _STATE_AFTER.match(text[end:end + 24])
    if found is None:
        return None
    state = found["state"].strip()
    return state if state_named(state, gazetteer) is not None else None


def looks_like_a_name(text: str, not_places: frozenset[str], country_aliases: Mapping[str, str]) -> bool:
    """Capitalised words of letters, two at least, not a common word and not an acronym other
    than a country's: "n't", "police", "CBS3", "FBI" are not places; "U.S." is."""
    stripped = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    if stripped.casefold() in country_aliases:
        return True
    acronym = stripped.replace(".", "").isupper() and len(stripped.replace(".", "")) <= 4
    return (bool(_TOPONYM_SHAPE.match(stripped)) and sum(c.isalpha() for c in stripped) >= 2
            and not any(c.isdigit() for c in stripped) and not acronym and stripped.casefold() not in not_places)


def after_place_preposition(text: str, start: int) -> bool:
    """ "in X", "near X", "in the eastern X"."""
    before = text[max(0, start - 40):start].split()
    while before and before[-1].casefold() in {"the", "northern", "southern", "eastern", "western", "central"}:
        before.pop()
    return bool(before) and before[-1].casefold() in PLACE_PREPOSITIONS


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    text: str
    label: str
    qualified: str | None  # "Clinton, Md." when a state follows


def names_something_else(text: str, end: int, not_town_before: frozenset[str]) -> bool:
    """ "East Market Street", "Manatee County": the name is part of a street's or a county's,
    not a town's."""
    following = re.match(r"[\s.]*([A-Za-z]+)", text[end:end + 20])
    return following is not None and following.group(1).casefold() in not_town_before


def _candidates(entities: Sequence[Entity], text: str, gazetteer: Gazetteer,
                not_places: frozenset[str], not_town_before: frozenset[str]) -> list[_Candidate]:
    persons = person_name_keys(entities)
    found = []
    for start, end, name, label in entities:
        if label not in PLACE_LABELS and label not in REPAIRABLE_LABELS:
            continue
        if (not looks_like_a_name(name, not_places, gazetteer.country_aliases)
                or names_something_else(text, end, not_town_before)):
            continue
        state = state_qualifier(text, end, gazetteer)
        qualified = f"{name}, {state}" if state else None
        key = place_key(re.sub(r"^the\s+", "", name, flags=re.I))
        named_area = key in {place_key(p.name) for p in gazetteer.places_by_key.get(key, ())
                             if p.feature in ("country", "admin1")}
        if key in persons and not (qualified or named_area):
            continue  # "Clinton" of Hillary Clinton
        if label in REPAIRABLE_LABELS and not (qualified or (
                key in gazetteer.places_by_key and len(key) > 3 and after_place_preposition(text, start))):
            continue
        found.append(_Candidate(start, end, name, label, qualified))
    return found


@dataclass(frozen=True)
class CountryCue:
    """Words only one country's news writes: "Stark County", "the sheriff's office" (US)."""

    pattern: re.Pattern[str]
    country_iso2: str


def home_country(candidates: Sequence[_Candidate], gazetteer: Gazetteer, context: PlaceContext,
                 text: str = "", cues: Sequence[CountryCue] = ()) -> str | None:
    """The country most of the article's place names can lie in: each distinct name votes
    for every country that has a place of that name; a country the dateline gives, and each
    country cue the text holds, count twice. "Cambridge", "Byesville" and "Steubenville" make
    a US story. None without a clear winner of two votes or more."""
    votes: Counter[str] = Counter({iso2: 2 for iso2 in context.countries})
    for cue in cues:
        if cue.pattern.search(text):
            votes[cue.country_iso2] += 2
    for key in {place_key(re.sub(r"^the\s+", "", c.text, flags=re.I)) for c in candidates}:
        votes.update({p.country_iso2 for p in gazetteer.places_by_key.get(key, ())})
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


@dataclass(frozen=True)
class ArticlePlaces:
    mentions: list[PlaceMention]
    context: PlaceContext
    dateline: PlaceMatch | None  # where the story was filed, resolved in the article's context


def place_mentions(entities: Sequence[Entity], gazetteer: Gazetteer, context: PlaceContext | Iterable[str] = (),
                   text: str = "", not_places: frozenset[str] = frozenset(), cues: Sequence[CountryCue] = (),
                   dateline: str | None = None, not_town_before: frozenset[str] = frozenset()) -> ArticlePlaces:
    """The places among an article's NER entities, and the article's place context.

    The dateline ("BIRMINGHAM") votes for the article's home country with the other names and
    is resolved in it; then countries, states and state-qualified towns, which become the
    context the other names are resolved in. `text` is the Doc's text (for "Clinton, Md.").
    """
    if not isinstance(context, PlaceContext):
        context = PlaceContext(frozenset(context))
    candidates = _candidates(entities, text, gazetteer, not_places, not_town_before)
    filed = [_Candidate(-1, -1, dateline, "DATELINE", None)] if dateline else []
    context = replace(context, home=home_country(candidates + filed, gazetteer, context, text, cues))
    filed_at = resolve_place(dateline, gazetteer, context) if dateline else None
    context = context.with_place(filed_at.place if filed_at else None)
    first = {c: resolve_place(c.qualified or c.text, gazetteer, context) for c in candidates}
    for candidate, match in first.items():
        if match.precision in ("country", "admin1") or candidate.qualified:
            context = context.with_place(match.place) if match.precision != "country" else PlaceContext(
                context.countries | {match.place.country_iso2}, context.admin1s)
    mentions = []
    for candidate in candidates:
        match = resolve_place(candidate.qualified or candidate.text, gazetteer, context)
        mentions.append(PlaceMention(candidate.start, candidate.end, candidate.text, candidate.label, match))
    return ArticlePlaces(mentions, context, filed_at)
