"""Floors on the public event sets that nobody here wrote (skipped when ../shared/eval is absent):
GVA news dev and CASE 2021 dev, each above its trivial baseline; and on our general-news gold
over the ../shared/corpus articles (Reuters-21578 and Wikinews, the part that needs no PolNeAR)."""

from __future__ import annotations

import pytest

from evaluation import DEFAULT_CASE_PATH, DEFAULT_GVA_DIR, GENERAL_EVENT_GOLD, PROJECT_ROOT
from evaluation.case2021 import case_labels, evaluate_case
from evaluation.events import evaluate_event_gold
from evaluation.gold.case2021 import iter_case
from evaluation.gold.events import read_general_gold
from evaluation.gold.gva import iter_gva
from evaluation.gva import evaluate_gva

GVA_DEV = DEFAULT_GVA_DIR / "dev.jsonl"


@pytest.fixture(scope="module")
def gva_figures(nlp, extraction_rules):
    if not GVA_DEV.exists():
        pytest.skip("../shared/eval/gva is absent")
    score = evaluate_gva(list(iter_gva(GVA_DEV)), nlp, extraction_rules)
    return {name: (value, baseline) for name, value, baseline, _, _ in score.figures()}


@pytest.fixture(scope="module")
def case_result(nlp, extraction_rules):
    if not DEFAULT_CASE_PATH.exists():
        pytest.skip("../shared/eval/case2021 is absent")
    return evaluate_case(list(iter_case(DEFAULT_CASE_PATH)), nlp, extraction_rules,
                         case_labels(PROJECT_ROOT / "seeds"))


def test_gva_dev_floors(gva_figures):
    """Measured when set: killed 0.899, injured 0.822, date 0.663 (baselines 0.774, 0.630, 0.264).
    The literal-argument rules moved injured to 0.808 (round-ups whose sentences now merge
    otherwise) and date to 0.659 (stories whose only incident sentence has no literal argument,
    "thieves burglarized a resident over two days"): floors 0.80 and 0.65. Address exact 0.626
    (no address 0), events in the US or unplaced 0.972, none dated after its article. Injured
    from condition phrases ("One person is in stable condition", events.v5): 0.832, floor 0.82.
    events.v6 (an age is no count; a "before"/"after" clause has its own day): killed 0.913, date
    0.673, address 0.637: the date's floor rises to 0.66. events.v7 (glued sentences split, "shot
    to death" after a name, the hospital the wounded were taken to is no place): killed 0.918,
    injured 0.827, 5 of 208 stories split: the killed floor rises to 0.91."""
    assert gva_figures["killed exact"][0] >= 0.91
    assert gva_figures["injured exact"][0] >= 0.82
    assert gva_figures["address exact"][0] >= 0.60
    assert gva_figures["events in the US or unplaced"][0] >= 0.97
    assert gva_figures["events dated after publication (lower is better)"][0] == 0
    assert gva_figures["incident date exact"][0] >= 0.66
    # one incident, one row: 5 of 208 stories split on the gold's day (6 with v6), no arrest with a toll
    assert gva_figures["stories whose incident is split into several rows (lower is better)"][0] <= 0.03
    assert gva_figures["arrests carrying a toll (lower is better)"][0] == 0
    assert all(value > baseline for value, baseline in gva_figures.values() if baseline is not None)


@pytest.mark.xfail(strict=True, reason="targets: GVA dev killed >= 0.92, injured >= 0.88, date >= 0.85; "
                                       "0.918 / 0.827 / 0.673 measured "
                                       "(round-up articles of many shootings, incidents dated by the day they "
                                       "were reported, town namesakes no other name settles)")
def test_gva_dev_targets(gva_figures):
    assert gva_figures["killed exact"][0] >= 0.92
    assert gva_figures["injured exact"][0] >= 0.88
    assert gva_figures["incident date exact"][0] >= 0.85


def test_case_dev_floor(case_result):
    """Measured when set: weighted F1 0.685 (majority class 0.007, untuned keyword rules 0.45); 0.692
    with events.v5 (a labour strike is a protest, seizures of weapons are disrupted weapons use); 0.699
    with events.v6 (demonstrations that "turned violent" are violent demonstrations)."""
    assert case_result.score.weighted_f1 >= 0.69 > case_result.majority.weighted_f1


@pytest.mark.xfail(strict=True, reason="target: CASE dev weighted F1 >= 0.75; 0.699 measured (snippets "
                                       "with no incident word we know, diplomacy and crime told in few words)")
def test_case_dev_target(case_result):
    assert case_result.score.weighted_f1 >= 0.75


def test_general_news_floors(nlp, extraction_rules):
    """Measured when set (2026-12-05) on the 85 Reuters and Wikinews articles of the general-news
    gold: precision 0.643 (18 of 28), recall 0.643 (18 of 28), far above every sentence an event
    (0.011 / 0.976 on all 125); the 0.90 / 0.80 targets are not met (docs/events.md). events.v6
    (crashes that "came down", poisonings, rammings; money handed over and a pact belonged to are
    no events; the scorer no longer hides a gold event beside a doubtful mention): 0.786 (22 of
    28) / 0.786: floors 0.75 / 0.75."""
    golds = [g for g in read_general_gold(GENERAL_EVENT_GOLD)[0] if g.doc_id.startswith(("wikinews", "reuters"))]
    if len(golds) < 85:
        pytest.skip("../shared/corpus is absent")
    score = evaluate_event_gold(golds, nlp, extraction_rules)
    assert score.precision >= 0.75 and score.recall >= 0.75
    assert score.precision > score.baseline.precision and score.f1 > score.baseline.f1
