"""The event rules as loaded from seeds/events: derived orders and sets, and seed files that
contradict each other or miss a weight refused when they load, not skipped at run time."""

from __future__ import annotations

import shutil

import pytest

from extract.events.rules import load_event_rules
from nlp.gazetteer_store import load_gazetteer
from seedrows import SeedError

from tests.conftest import SEEDS_DIR


def test_the_family_order_follows_the_precedence_column(event_rules):
    assert event_rules.family_order[:4] == ("abduction", "sexual", "poisoning", "ramming")
    assert event_rules.family_order[-1] == "harm"
    assert set(event_rules.family_order) == set(event_rules.families)


@pytest.mark.parametrize("kind, words", [
    ("not_a_report", {"to", "will", "could", "must"}),
    ("hypothetical", {"could", "may", "might", "would"}),
    ("future", {"will", "shall"}),
    ("unreal", {"would", "could", "might", "may", "will", "shall"}),
])
def test_each_modal_question_has_its_words(event_rules, kind, words):
    found = getattr(event_rules.modals, kind)
    assert words <= found if kind == "not_a_report" else words == found


def seeds_copy(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("file, old, new, error, message", [
    ("events/class_cues.csv", "\nArmed clash,", "\nArmed clashes,", ValueError, "unknown event classes"),
    ("events/families.csv", "violence,Attack,literal,true,5,", "violence,Attack,literal,true,6,", ValueError,
     "two families one precedence"),
    ("events/families.csv", "\nverbal,", "\nspoken,", ValueError, r"lacks the families \['verbal'\]"),
    ("confidence_weights.csv", "events,base,0.5,", "events,bias,0.5,", SeedError,
     r"the events weights lack \['base'\] and hold unknown \['bias'\]"),
])
def test_seeds_that_contradict_each_other_are_refused(tmp_path, file, old, new, error, message):
    folder = seeds_copy(tmp_path)
    replace_in(folder / file, old, new)
    with pytest.raises(error, match=message):
        load_event_rules(folder, load_gazetteer(SEEDS_DIR))
