"""Dateline accuracy on the real wire corpora in ../shared (skipped when they are absent).

Floors only go up. Measured: MUC-3/4 place 99.8%, date 99.8%; Reuters-21578 place 99.1%
(most misses are typos or garbage in the corpus's own dateline field).
"""

from __future__ import annotations

import pytest

from evaluation.gold.datelines import muc_datelines, reuters_datelines
from evaluation.layout import score_datelines
from tests.conftest import SHARED_DIR

CORPUS_DIR = SHARED_DIR / "corpus"
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not (CORPUS_DIR / "muc34").is_dir(), reason="../shared/corpus is not here"),
]


def test_muc_datelines(layout_rules):
    score = score_datelines(muc_datelines(CORPUS_DIR), layout_rules)
    assert score.n_articles == 1700
    assert score.place_accuracy >= 0.995
    assert score.date_accuracy >= 0.995


def test_reuters_datelines(layout_rules):
    score = score_datelines(reuters_datelines(CORPUS_DIR), layout_rules)
    assert score.n_articles > 19_000
    assert score.place_accuracy >= 0.985
