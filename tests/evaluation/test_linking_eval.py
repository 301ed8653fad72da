"""The linking evaluations on data: our Reuters clusters (skips without ../shared/corpus) and the
statement-pair scorer on the linking fixture."""

from __future__ import annotations

import csv

import pytest

from evaluation import DEFAULT_CORPUS_DIR, GOLD_DIR
from evaluation.gold.muc_incidents import read_cluster_labels
from evaluation.incident_links import evaluate_reuters_linking, reuters_day
from evaluation.statements import evaluate_statements, linked_pairs, read_judgments
from extract.batch import extract_batch
from extract.components import EXTRACTOR_VERSIONS
from link.incidents import load_incident_rules
from tests.conftest import SEEDS_DIR
from tests.warehouse.test_linking import fixture_documents
from warehouse.connection import prepare_warehouse
from warehouse.load import load_batch

CLUSTERS = GOLD_DIR / "reuters_incident_clusters.csv"


def test_own_clusters_read_with_none_as_clusters_of_their_own():
    labels = read_cluster_labels(CLUSTERS)
    assert len(labels) == 131
    assert sum(1 for label in labels.values() if label.startswith("NONE:")) == 20
    assert len({label for label in labels.values() if not label.startswith("NONE:")}) == 28
    assert str(reuters_day("26-FEB-1987 15:01:01.79")) == "1987-02-26"


@pytest.fixture(scope="module")
def reuters_scores(nlp, extraction_rules):
    if not (DEFAULT_CORPUS_DIR / "reuters21578").is_dir():
        pytest.skip("../shared/corpus/reuters21578 absent")
    return evaluate_reuters_linking(DEFAULT_CORPUS_DIR, CLUSTERS, nlp, extraction_rules,
                                    load_incident_rules(SEEDS_DIR)).scores["own gold"]


def test_the_linker_beats_both_baselines_on_our_reuters_clusters(reuters_scores):
    scores = reuters_scores
    ours = scores["wirehouse"]
    assert ours.pair_precision >= 0.85  # measured 0.916
    assert ours.bcubed_f1 > scores["same type, place and day"].bcubed_f1 > scores["no linking"].bcubed_f1


@pytest.mark.xfail(strict=True, reason="target: B-cubed F1 >= 0.85; 0.657 measured on our Reuters "
                                       "clusters (follow-up reports of the Ecuador earthquake are about debt and oil)")
def test_own_clusters_target(reuters_scores):
    assert reuters_scores["wirehouse"].bcubed_f1 >= 0.85


def test_linked_quote_pairs_are_scored_against_judgments(tmp_path, nlp, extraction_rules):
    path = tmp_path / "w.duckdb"
    prepare_warehouse(path)
    documents = list(fixture_documents().values())
    load_batch(path, "run-1", extract_batch(documents, nlp, extraction_rules),
               [(d.article_id, d.source_uri) for d in documents], [], EXTRACTOR_VERSIONS)
    pairs = linked_pairs(path)
    assert {(p.doc_a, p.doc_b) for p in pairs} <= {("kabul-a", "kabul-b"), ("kabul-a", "kabul-c"), ("kabul-b", "kabul-c"),
                                                    ("kabul-b", "kabul-a"), ("kabul-c", "kabul-a"), ("kabul-c", "kabul-b")}
    assert len(pairs) == 3
    judgments = tmp_path / "judged.csv"
    with judgments.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b", "same_statement", "why"])
        for number, pair in enumerate(pairs):
            writer.writerow([*pair.key, "no" if number == 0 else "yes", "test"])
    result = evaluate_statements(path, judgments)
    assert result.judged["all"] == (2, 3)
    assert result.n_repeated == 1 and result.max_outlets == 3


def test_a_judged_pair_is_found_either_way_round(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text("doc_a,start_a,end_a,doc_b,start_b,end_b,same_statement,why\n"
                    "north,10,40,south,5,35,yes,both: one remark\n", encoding="utf-8")
    verdicts = read_judgments(path)
    assert verdicts[("north", 10, 40, "south", 5, 35)] is True
    assert verdicts[("south", 5, 35, "north", 10, 40)] is True
    assert ("north", 10, 40, "east", 5, 35) not in verdicts
