"""Where: the place of an event (GeoNames through the gazetteer), the dateline's country when the
article names none, and the finest place text the article gives ("the 100 block of Main Street").

The dateline is where a story was filed, never where something happened; "a U.S. military
convoy" names no place; "the Tunisian capital" is Tunis.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence


from spacy.tokens import Span

from extract.events.patterns import StreetPattern
from extract.events.rules import EventRules
from nlp.doc_index import DocIndex, span_text
from nlp.places import Gazetteer, PlaceContext, PlaceMatch, place_key, resolve_place
from nlp.toponyms import PlaceMention, names_something_else

_CAPITAL_PHRASE = re.compile(r"\bthe\s+[A-Z][a-z]+\s+capital\b")
_PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "of", "outside", "from", "into", "to", "around"})


def _start(mention: PlaceMention) -> int:
    return mention.start


def event_place(index: DocIndex, sentence: Span, mentions: Sequence[PlaceMention], rules: EventRules,
                 dateline: tuple[int, int] | None, places: PlaceContext,
                 persons: frozenset[str] = frozenset()) -> PlaceMention | None:
    """The event's place: "the Tunisian capital", else the last place named with a preposition
    ("in Yemen", "out of Kobane"), else the last place of the sentence. Never the dateline.
    `mentions` are the article's places, those that only describe a noun left out."""
    capital = _CAPITAL_PHRASE.search(span_text(sentence))
    if capital:
        start = sentence.start_char + capital.start()
        match = resolve_place(capital.group(), rules.gazetteer, places)
        if match.place is not None:
            return PlaceMention(start, start + len(capital.group()), capital.group(), "PHRASE", match)
    first = bisect_left(mentions, sentence.start_char, key=_start)  # mentions are in text order
    last = bisect_left(mentions, sentence.end_char, lo=first, key=_start)
    inside = [m for m in mentions[first:last]
              if not (dateline and dateline[0] <= m.start < dateline[1]) and plausible(m, places)
              and not _a_residence(index.text, m.start, m.end)]
    if not inside:
        inside = [m for m in _gazetteer_places(index, sentence, rules, places, persons)
                  if not _a_residence(index.text, m.start, m.end)]
    with_preposition = [m for m in inside if m.start > 3 and index.text[max(0, m.start - 12):m.start].split()[-1:] in
                        (["in"], ["of"], ["at"], ["near"], ["into"], ["outside"], ["from"])]
    chosen = (with_preposition or inside)
    if not chosen or _one_of_many_countries(index.text, inside, chosen[-1]):
        return None  # "arrests were made in Australia, Brazil, Canada and Spain": no one place
    return chosen[-1]


_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+(?:the\s+)?")
MANY_COUNTRIES = 3  # a list of this many countries names no single place


def _one_of_many_countries(text: str, inside: Sequence[PlaceMention], chosen: PlaceMention) -> bool:
    """Whether the chosen place is one of a list of three or more countries ("in Australia,
    Brazil, Canada and Spain"): what happened in all of them happened in none of them alone."""
    run: list[PlaceMention] = []
    for mention in inside:
        listed = run and _LIST_GAP.fullmatch(text[run[-1].end:mention.start])
        if not listed:
            if chosen in run:
                break
            run = []
        run.append(mention)
    countries = {m.match.place.country_iso2 for m in run
                 if m.match.place is not None and m.match.precision == "country"}
    where = text[max(0, run[0].start - 12):run[0].start].split()[-1:] if run else []
    # "in A, B and C" lists where; "the meeting of A, B and C" lists who
    return chosen in run and len(countries) >= MANY_COUNTRIES and where in (["in"], ["across"], ["throughout"])


_RESIDENCE = re.compile(r"\d\s*,\s+of\s+$")


def _a_residence(text: str, start: int, end: int | None = None) -> bool:
    """ "Shaquille Breland, 20, of Syracuse": where a person named with an age lives, not where
    the event happened; nor the hospital a victim was taken to ("taken to Jamaica Hospital")."""
    if _RESIDENCE.search(text[max(0, start - 12):start]):
        return True
    return end is not None and bool(_TAKEN_TO.search(text[max(0, start - 40):start])) and bool(
        _HOSPITAL_AFTER.match(text, end))


# "The victim was taken to Jamaica Hospital", "rushed to Lake Shore Medical Center": a
# hospital's name, where the wounded were brought, not where they were hurt.
_TAKEN_TO = re.compile(r"\b(?:taken|transported|rushed|airlifted|flown|brought|driven|admitted|treated)\s+"
                       r"(?:[\w-]+\s+){0,6}?(?:to|at)\s+(?:the\s+)?$", re.I)
_HOSPITAL_AFTER = re.compile(r"(?:\s+[A-Z][\w'.-]*){0,3}\s+(?:Hospital|Medical Cent(?:er|re)|Health|Clinic|Trauma)\b")


def modifies_a_noun(index: DocIndex, mention: PlaceMention, area_nouns: frozenset[str]) -> bool:
    """ "a U.S. military convoy", "the Iraqi army": the name describes a noun that is not a place
    ("Deir Ezzor province" is a place)."""
    span = index.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or mention.match.precision != "country":
        return False
    root = span.root
    return (root.dep_ in ("compound", "amod", "nmod") and root.head.i > root.i
            and root.head.lower_ not in area_nouns and root.head.pos_ == "NOUN")


def place_or_dateline(place: PlaceMention | None, mentions: Sequence[PlaceMention],
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


def place_note(match: PlaceMatch | None, source: str) -> str:
    if match is None:
        return "no place named in the sentence"
    if source == "dateline":
        return "the dateline's country: the story was filed there and the article names no other country"
    if source == "article":
        return f"the nearest place the article names (no sentence about the event names one); {match.reason}"
    return match.reason


def plausible(mention: PlaceMention, places: PlaceContext) -> bool:
    """A resolved place that is a country, a state, a big city, or in a country the article
    names or lies in: a town of Greece called Mindanao is not where a Philippine bombing happened."""
    place = mention.match.place
    if place is None:
        return False
    known = places.countries | ({places.home} if places.home else set())
    return (not known or mention.match.precision in ("country", "admin1") or place.country_iso2 in known
            or place.population >= 500_000)


_DIRECTIONS = frozenset({"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                         "southeastern", "southwestern", "north", "south", "east", "west"})
_DIRECTIONS_OR_THE = _DIRECTIONS | {"the"}


def _after_place_preposition(index: DocIndex, i: int) -> bool:
    """ "in X", "near X", also "in the eastern X"."""
    j = i - 1
    while j >= 0 and index.doc[j].lower_ in _DIRECTIONS_OR_THE:
        j -= 1
    return j >= 0 and j < i and index.doc[j].lower_ in _PLACE_PREPOSITIONS


def _name_words(sentence: Span, not_names: frozenset[str]) -> list[tuple[int, int, int] | None]:
    """The sentence's words and full stops in order: (token index, start, end) for a
    capitalised word that may be part of a place name, None for any other."""
    return [(t.i, t.idx, t.idx + len(t.text)) if t.is_alpha and t.text[:1].isupper() and t.lower_ not in not_names
            else None
            for t in sentence if t.is_alpha or t.text == "."]


def _gazetteer_places(index: DocIndex, sentence: Span, rules: EventRules, places: PlaceContext,
                      persons: frozenset[str]) -> list[PlaceMention]:
    """Place names the NER missed, found by looking capitalised words after a preposition up in
    the gazetteer ("IN PUERTO BELLO" in ALL-CAPS copy): exact keys only, never a name the
    article gives a person, and only countries or towns in a country the article (or its
    dateline) names."""
    gazetteer = rules.gazetteer
    found: list[PlaceMention] = []
    words = _name_words(sentence, rules.not_places | _DIRECTIONS)
    after_preposition: dict[int, bool] = {}
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            run = words[i:i + size]
            if None in run:
                continue
            first = run[0][0]
            if first not in after_preposition:
                after_preposition[first] = _after_place_preposition(index, first)
            if not after_preposition[first]:
                continue  # only "in X", "near X", "of X": a capitalised name alone may be a person
            start, end = run[0][1], run[-1][2]
            if any(m.start <= start < m.end for m in found) or names_something_else(index.text, end,
                                                                                     rules.not_town_before):
                continue
            text = index.text[start:end]
            key = place_key(text)
            if len(key) < 4 or key in persons or key not in gazetteer.places_by_key:
                continue
            match = resolve_place(text, gazetteer, places)
            if match.place is not None and (match.precision in ("country", "admin1")
                                            or match.place.country_iso2 in places.countries | {places.home}):
                found.append(PlaceMention(start, end, text, "GAZETTEER", match))
    return sorted(found, key=lambda m: m.start)


def address_in(sentence: Span, pattern: StreetPattern, ents: Sequence[Span] | None = None,
               streets_only: bool = False, doc_text: str | None = None) -> str | None:
    """The finest place a sentence gives: a street address, else (unless streets_only) a
    named facility (FAC) that is not where the wounded were taken. `doc_text` is the Doc's text
    when the caller has it (spaCy rebuilds Doc.text, all of it, on every access)."""
    match = pattern.search(span_text(sentence))
    if match is not None:
        return match.group().strip(" .")
    if streets_only:
        return None
    text = sentence.doc.text if doc_text is None else doc_text
    facility = next((e for e in (sentence.ents if ents is None else ents) if e.label_ == "FAC"
                     and not _TAKEN_TO.search(text[max(0, e.start_char - 40):e.start_char])), None)
    return facility.text if facility is not None else None  # not the hospital the wounded were taken to
