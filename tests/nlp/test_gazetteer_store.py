"""The gazetteer kept between processes: read back equal, keyed by everything the build reads,
and rebuilt when what is stored cannot be read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from nlp import gazetteer_store
from nlp.gazetteer_store import SEED_FILES, cache_dir, decode, encode, load_gazetteer, read_stored, store_key
from nlp.gazetteer import dateline_place_names
from tests.conftest import PROJECT_ROOT, SEEDS_DIR


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer(SEEDS_DIR)


def test_a_stored_gazetteer_reads_back_equal(gazetteer):
    again = decode(encode(gazetteer))
    assert again == gazetteer
    tunis = gazetteer.places_by_key["tunis"]
    assert again.places_by_key["tunis"] == tunis and again.capitals_by_iso2["TN"] in tunis


def test_the_key_changes_with_every_seed_file_and_the_population(tmp_path):
    seeds = tmp_path / "seeds"
    for relative in SEED_FILES:
        (seeds / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SEEDS_DIR / relative, seeds / relative)
    keys = {store_key(seeds, 1000), store_key(seeds, 15_000)}
    for relative in SEED_FILES:
        with (seeds / relative).open("a", encoding="utf-8") as handle:
            handle.write("\n")
        keys.add(store_key(seeds, 1000))
    assert len(keys) == 2 + len(SEED_FILES)
    assert store_key(seeds, 1000) == store_key(seeds, 1000)


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\xe9" * 40])
def test_a_store_that_cannot_be_read_whole_is_none(tmp_path, content):
    path = tmp_path / "gazetteer.marshal"
    path.write_bytes(content)
    assert read_stored(path) is None
    assert read_stored(tmp_path / "missing.marshal") is None


def test_the_cache_folder_is_the_setting_else_the_user_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("WIREHOUSE_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("WIREHOUSE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "wirehouse"


def test_a_new_store_leaves_the_newest_few_and_nothing_else_it_did_not_write(tmp_path, monkeypatch, gazetteer):
    for n in range(5):
        old = tmp_path / f"gazetteer-{n}.marshal"
        old.write_bytes(b"x")
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    gazetteer_store._store(tmp_path / "gazetteer-new.marshal", encode(gazetteer))
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["gazetteer-3.marshal", "gazetteer-4.marshal", "gazetteer-new.marshal", "notes.txt"]
    assert read_stored(tmp_path / "gazetteer-new.marshal") == gazetteer


def test_the_dateline_names_are_kept_and_read_back_equal(tmp_path, monkeypatch):
    monkeypatch.setenv("WIREHOUSE_CACHE_DIR", str(tmp_path))
    built = gazetteer_store.load_dateline_names.__wrapped__()
    (stored,) = tmp_path.glob("dateline-names-*.marshal")
    assert read_stored(stored, gazetteer_store.decode_names) == built == dateline_place_names()
    assert built["new york"] == "New York" and len(built) > 100_000
    stored.write_bytes(b"\xe9" * 40)
    assert gazetteer_store.load_dateline_names.__wrapped__() == built


def test_a_store_of_one_kind_never_removes_another_kind(tmp_path, gazetteer):
    for n in range(5):
        (tmp_path / f"dateline-names-{n}.marshal").write_bytes(b"x")
    gazetteer_store._store(tmp_path / "gazetteer-new.marshal", encode(gazetteer))
    assert len(list(tmp_path.glob("dateline-names-*.marshal"))) == 5


_RULES_MEMORY = """
import os, sys
def resident_mb():
    for line in open(f"/proc/{os.getpid()}/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
import flows
from flows.settings import Settings
from extract.rule_sets import load_extraction_rules
seeds = Settings().seeds_dir
before = resident_mb()
load_extraction_rules(seeds)
print(resident_mb() - before)
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="resident memory is read from /proc")
def test_a_worker_holds_the_rules_in_little_memory(tmp_path):
    """A worker's rules, read from a kept store, once held 290 MB: 170,000 Place objects, and
    GeoNames' city file kept for the dateline names. Packed and stored, about 130 MB, most of
    it py3langid's model (74 MB)."""
    env = {**os.environ, "WIREHOUSE_CACHE_DIR": str(tmp_path)}

    def rules_memory() -> float:
        return float(subprocess.run([sys.executable, "-c", _RULES_MEMORY], env=env, cwd=PROJECT_ROOT, check=True,
                                    capture_output=True, text=True).stdout)

    rules_memory()  # builds and stores
    grown = rules_memory()
    assert grown < 160, f"loading the rules took {grown:.0f} MB"
