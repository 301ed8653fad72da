"""The gazetteer's places and name keys, packed into arrays.

Every worker process holds the gazetteer: 170,000 places under 381,000 name keys. As Python
objects (a dict of strings to tuples of dataclasses) that is about 200 MB a process. Packed,
each field of the places is one array, the keys are one byte string found through a sorted
array of their CRC-32 checksums, and a `Place` is built only when a lookup returns it.

A lookup is exact: the checksum only narrows the search, and the key's own bytes are compared.
"""

from __future__ import annotations

import bisect
import zlib
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

FEATURES = ("city", "admin1", "country")


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    country_iso2: str
    country_iso3: str
    admin1: str | None  # GeoNames admin1 key: "SY.04", "US.AL"
    latitude: float
    longitude: float
    population: int
    feature: str  # city | admin1 | country


def _checksum(key: bytes) -> int:
    return zlib.crc32(key)


@dataclass(frozen=True, eq=False)
class _PlaceColumns:
    """Each field of every place, one array or table per field, a place's index across all."""

    geonameids: array  # 'q'
    names: bytes  # UTF-8, place i at name_starts[i]:name_starts[i + 1]
    name_starts: array  # 'I'
    countries: tuple[tuple[str, str], ...]  # (iso2, iso3), indexed by country_of
    country_of: array  # 'H'
    admin1s: tuple[str, ...]  # "" for none, indexed by admin1_of
    admin1_of: array  # 'I'
    latitudes: array  # 'd'
    longitudes: array  # 'd'
    populations: array  # 'q'
    features: array  # 'B', into FEATURES

    def place(self, i: int) -> Place:
        iso2, iso3 = self.countries[self.country_of[i]]
        return Place(self.geonameids[i], self.names[self.name_starts[i]:self.name_starts[i + 1]].decode(),
                     iso2, iso3, self.admin1s[self.admin1_of[i]] or None, self.latitudes[i],
                     self.longitudes[i], self.populations[i], FEATURES[self.features[i]])


def _pack_places(places: list[Place]) -> _PlaceColumns:
    countries: dict[tuple[str, str], int] = {}
    admin1s: dict[str, int] = {"": 0}
    country_of = array("H", (countries.setdefault((p.country_iso2, p.country_iso3), len(countries)) for p in places))
    admin1_of = array("I", (admin1s.setdefault(p.admin1 or "", len(admin1s)) for p in places))
    names = bytearray()
    name_starts = array("I", [0])
    for place in places:
        names += place.name.encode()
        name_starts.append(len(names))
    return _PlaceColumns(
        array("q", (p.geonameid for p in places)), bytes(names), name_starts, tuple(countries), country_of,
        tuple(admin1s), admin1_of, array("d", (p.latitude for p in places)), array("d", (p.longitude for p in places)),
        array("q", (p.population for p in places)), array("B", (FEATURES.index(p.feature) for p in places)))


class PlaceIndex(Mapping[str, tuple[Place, ...]]):
    """Name key -> the places under it, as `dict[str, tuple[Place, ...]]` reads, held in arrays.

    Keys are sorted by checksum: key i's checksum is checksums[i], its bytes
    keys[key_starts[i]:key_starts[i + 1]], its places' indexes
    postings[posting_starts[i]:posting_starts[i + 1]].
    """

    __slots__ = ("_places", "_checksums", "_keys", "_key_starts", "_postings", "_posting_starts")

    def __init__(self, places: _PlaceColumns, checksums: array, keys: bytes, key_starts: array,
                 postings: array, posting_starts: array) -> None:
        self._places = places
        self._checksums = checksums
        self._keys = keys
        self._key_starts = key_starts
        self._postings = postings
        self._posting_starts = posting_starts

    @classmethod
    def from_mapping(cls, places_by_key: Mapping[str, Iterable[Place]]) -> PlaceIndex:
        """Pack a mapping of keys to places; a place under several keys is stored once."""
        numbers: dict[Place, int] = {}
        entries = sorted(((_checksum(key.encode()), key.encode(), [numbers.setdefault(p, len(numbers)) for p in found])
                          for key, found in places_by_key.items()))
        keys, key_starts = bytearray(), array("I", [0])
        postings, posting_starts = array("I"), array("I", [0])
        for _, key, found in entries:
            keys += key
            key_starts.append(len(keys))
            postings.extend(found)
            posting_starts.append(len(postings))
        return cls(_pack_places(list(numbers)), array("I", (e[0] for e in entries)), bytes(keys), key_starts,
                   postings, posting_starts)

    def _slot(self, key: object) -> int | None:
        if not isinstance(key, str):
            return None
        wanted = key.encode()
        checksum = _checksum(wanted)
        slot = bisect.bisect_left(self._checksums, checksum)
        while slot < len(self._checksums) and self._checksums[slot] == checksum:
            if self._keys[self._key_starts[slot]:self._key_starts[slot + 1]] == wanted:
                return slot
            slot += 1
        return None

    def __getitem__(self, key: str) -> tuple[Place, ...]:
        slot = self._slot(key)
        if slot is None:
            raise KeyError(key)
        found = self._postings[self._posting_starts[slot]:self._posting_starts[slot + 1]]
        return tuple(map(self._places.place, found))

    def __contains__(self, key: object) -> bool:
        return self._slot(key) is not None

    def __len__(self) -> int:
        return len(self._checksums)

    def __iter__(self) -> Iterator[str]:
        for slot in range(len(self._checksums)):
            yield self._keys[self._key_starts[slot]:self._key_starts[slot + 1]].decode()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PlaceIndex):
            return self.to_plain() == other.to_plain()
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    def to_plain(self) -> dict:
        """Strings, numbers, bytes and tuples only, for marshal."""
        columns = self._places
        return {
            "checksums": self._checksums.tobytes(), "keys": self._keys, "key_starts": self._key_starts.tobytes(),
            "postings": self._postings.tobytes(), "posting_starts": self._posting_starts.tobytes(),
            "geonameids": columns.geonameids.tobytes(), "names": columns.names,
            "name_starts": columns.name_starts.tobytes(), "countries": columns.countries,
            "country_of": columns.country_of.tobytes(), "admin1s": columns.admin1s,
            "admin1_of": columns.admin1_of.tobytes(), "latitudes": columns.latitudes.tobytes(),
            "longitudes": columns.longitudes.tobytes(), "populations": columns.populations.tobytes(),
            "features": columns.features.tobytes(),
        }

    @classmethod
    def from_plain(cls, plain: Mapping) -> PlaceIndex:
        def typed(code: str, field: str) -> array:
            numbers = array(code)
            numbers.frombytes(plain[field])
            return numbers

        columns = _PlaceColumns(
            typed("q", "geonameids"), plain["names"], typed("I", "name_starts"),
            tuple(tuple(pair) for pair in plain["countries"]), typed("H", "country_of"),
            tuple(plain["admin1s"]), typed("I", "admin1_of"), typed("d", "latitudes"), typed("d", "longitudes"),
            typed("q", "populations"), typed("B", "features"))
        index = cls(columns, typed("I", "checksums"), plain["keys"], typed("I", "key_starts"),
                    typed("I", "postings"), typed("I", "posting_starts"))
        index.check()
        return index

    def check(self) -> None:
        """Raise ValueError unless every array agrees on the counts of keys and places."""
        columns, n_keys = self._places, len(self._checksums)
        n_places = len(columns.name_starts) - 1
        lengths = {len(columns.geonameids), len(columns.country_of), len(columns.admin1_of), len(columns.latitudes),
                   len(columns.longitudes), len(columns.populations), len(columns.features)}
        if (lengths != {n_places} or len(self._key_starts) != n_keys + 1 or len(self._posting_starts) != n_keys + 1
                or self._key_starts[-1] != len(self._keys) or self._posting_starts[-1] != len(self._postings)
                or columns.name_starts[-1] != len(columns.names)
                or (self._postings and max(self._postings) >= n_places)):
            raise ValueError("the packed place index does not hold together")
