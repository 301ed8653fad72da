"""The incident-linking scorer and the MUC-3/4 key reader (evaluation/incident_links.py)."""

import pytest

from evaluation import DEFAULT_CORPUS_DIR
from datetime import date

from evaluation.gold.muc_incidents import (
    KeyTemplate,
    gold_incidents,
    key_day_ranges,
    key_places,
    read_key_templates,
)
from evaluation.incident_links import score_clusters


def test_bcubed_and_pairs_of_a_known_clustering():
    gold = {"a": "1", "b": "1", "c": "2", "d": "3"}
    score = score_clusters(gold, {"a": "x", "b": "y", "c": "y"})
    assert score.n_gold_pairs == 1 and score.n_predicted_pairs == 1
    assert score.pair_precision == 0.0 and score.pair_recall == 0.0
    assert score.bcubed_precision == pytest.approx((1 + 0.5 + 0.5 + 1) / 4)
    assert score.bcubed_recall == pytest.approx((0.5 + 0.5 + 1 + 1) / 4)
    alone = score_clusters(gold, {})
    assert alone.bcubed_precision == 1.0 and alone.pair_recall == 0.0


def test_key_dates_and_places_are_read_as_ranges_and_paths():
    assert key_day_ranges("- 20 NOV 89") == [(date(1989, 11, 13), date(1989, 11, 20))]
    assert key_day_ranges("(29 MAR 89 - 30 MAR 89) / 30 MAR 89") == [
        (date(1989, 3, 29), date(1989, 3, 30)), (date(1989, 3, 30), date(1989, 3, 30))]
    assert key_day_ranges("31 SEP 89") == []  # an impossible day in the keys
    assert key_places("EL SALVADOR: SAN SALVADOR (CITY) / EL SALVADOR") == [("EL SALVADOR", "SAN SALVADOR"), ("EL SALVADOR",)]


def test_gold_incidents_need_one_template_a_shared_key_and_a_shared_target():
    templates = [
        KeyTemplate("M1", "16 NOV 89", "EL SALVADOR", "ATTACK", frozenset({"JESUITS"})),
        KeyTemplate("M2", "16 NOV 89", "EL SALVADOR", "ATTACK", frozenset({"JESUITS", "PRIESTS"})),
        KeyTemplate("M3", "16 NOV 89", "EL SALVADOR", "ATTACK", frozenset({"SOLDIERS"})),
        KeyTemplate("M4", "16 NOV 89", "EL SALVADOR", "ATTACK", frozenset({"JESUITS"})),
        KeyTemplate("M4", "17 NOV 89", "EL SALVADOR", "BOMBING", frozenset()),
        KeyTemplate("M5", "- 20 NOV 89", "EL SALVADOR: SAN SALVADOR (CITY)", "ATTACK", frozenset({"JESUITS"})),
        KeyTemplate("M6", "16 NOV 89", "EL SALVADOR", "ATTACK", frozenset({"PEOPLE"})),
        KeyTemplate("M7", "16 NOV 89", "EL SALVADOR", "ATTACK", frozenset({"PEOPLE"})),
        KeyTemplate("M8", "10 DEC 89", "EL SALVADOR", "ATTACK", frozenset({"JESUITS"})),
    ]
    labels = gold_incidents(templates)
    assert labels["M1"] == labels["M2"] == labels["M5"] != labels["M3"]  # a later report, a city of the country
    assert labels["M6"] != labels["M7"]  # "PEOPLE" is no shared target
    assert labels["M8"] != labels["M1"]  # weeks apart
    assert "M4" not in labels  # two incidents in one report: not scored


@pytest.mark.skipif(not (DEFAULT_CORPUS_DIR / "muc34" / "nist_keys").is_dir(), reason="../shared/corpus/muc34 absent")
def test_the_nist_keys_read_as_filled_templates():
    templates = list(read_key_templates(DEFAULT_CORPUS_DIR / "muc34" / "nist_keys"))
    assert len(templates) == 1305
    labels = gold_incidents(templates)
    assert len(labels) == 541 and len(set(labels.values())) == 374
    jesuits = labels["DEV-MUC3-0014"]  # the murder of six Jesuit priests, 16 November 1989
    assert sum(1 for label in labels.values() if label == jesuits) >= 50
