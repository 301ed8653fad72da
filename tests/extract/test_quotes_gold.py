"""Quotes against hand-annotated gold: the seed's 17 attributions exactly, floors on the rest.

Floors only go up; they sit a little under the figures `make eval` measured when they were set
(own gold, 18 articles, 202 attributions: P 0.950, R 0.842, speaker 0.859, cue 0.947, direct
recall 0.922, pronoun sources 0.909 of 22).
"""

from __future__ import annotations


import pytest

from evaluation.gold.quotes import read_gold_dir
from evaluation.quotes import evaluate_quotes
from tests.conftest import PROJECT_ROOT

GOLD_DIR = PROJECT_ROOT / "tests" / "gold"

# The seed article as designed: (speaker as written, resolved source, kind, start of the content) in text order.
SEED_ATTRIBUTIONS = [
    ("experts", "experts", "indirect", "By launching attacks"),
    ("JM Berger", "JM Berger", "mixed", '"Expansion is their strategy,"'),
    ("Berger", "JM Berger", "direct", "Creating the perception"),
    ("he", "JM Berger", "mixed", "After announcing"),
    ("Mathieu Guidere", "Mathieu Guidere", "mixed", "such attacks aim"),
    ("he", "Mathieu Guidere", "direct", "These attacks are"),
    ("experts", "experts", "indirect", "the image of invincibility"),
    ("Ankara", "Government of Turkey", "indirect", "it has detained"),
    ("Thomas Pierret", "Thomas Pierret", "direct", "There's certainly"),
    ("he", "Thomas Pierret", "direct", "If there is an expansion"),
    ("Pierret", "Thomas Pierret", "mixed", "the deadly attacks"),
    ("Pierret", "Thomas Pierret", "direct", "To assert itself"),
    ("he", "Thomas Pierret", "mixed", "In Yemen, the group"),
    ("Analysts", "analysts", "indirect", "it is too early"),
    ("Tunisia", "Government of Tunisia", "indirect", "The attackers in Tunis may have been trained in Libya"),
    ("Berger", "JM Berger", "indirect", "The attackers in Tunis may have been trained in Libya, as"),
    ("he", "JM Berger", "mixed", "What is certain, he said"),
]



def test_seed_yields_the_17_attributions_of_design(seed_batch):
    names = {s.source_key: s.name for s in seed_batch.article_sources}
    got = [(q.speaker_text, names[q.source_key], q.kind, q.content) for q in seed_batch.quotes]
    assert len(got) == len(SEED_ATTRIBUTIONS)
    for (speaker, source, kind, content), expected in zip(got, SEED_ATTRIBUTIONS, strict=True):
        assert (speaker, source, kind) == expected[:3]
        assert content.startswith(expected[3])


def test_seed_sources_carry_descriptions_and_kinds(seed_batch):
    by_name = {s.name: s for s in seed_batch.article_sources}
    assert by_name["JM Berger"].description == 'analyst and co-author of "ISIS: the State of Terror"'
    assert (by_name["Mathieu Guidere"].description, by_name["Mathieu Guidere"].affiliation) == (
        "professor of Islamic studies", "University of Toulouse")
    assert (by_name["Thomas Pierret"].description, by_name["Thomas Pierret"].affiliation) == (
        "expert in contemporary Islam", "University of Edinburgh")
    assert {name: s.kind for name, s in by_name.items()} == {
        "experts": "anonymous", "JM Berger": "person", "Mathieu Guidere": "person",
        "Government of Turkey": "government", "Thomas Pierret": "person", "analysts": "anonymous",
        "Government of Tunisia": "government"}
    assert by_name["JM Berger"].n_quotes == 5


def test_seed_non_quotes_are_not_quotes(seed_batch):
    raw_text = seed_batch.articles[0].raw_text
    for quote in seed_batch.quotes:
        assert quote.content not in ("caliphate", "ISIS: the State of Terror")
        assert raw_text[quote.content_start:quote.content_end] == quote.content


@pytest.fixture(scope="module")
def own_gold_score(nlp, extraction_rules):
    return evaluate_quotes(read_gold_dir(GOLD_DIR), nlp, extraction_rules).score


def test_own_gold_has_the_seed_and_at_least_15_wikinews_articles():
    names = [p.stem for p in GOLD_DIR.glob("*.json")]
    assert "seed_isis_afp" in names
    assert sum(name.startswith("wikinews_") for name in names) >= 15


def test_floors_on_own_gold(own_gold_score):
    score = own_gold_score
    assert score.precision >= 0.93
    assert score.recall >= 0.82
    assert score.speaker_accuracy >= 0.84
    assert score.cue_accuracy >= 0.93
    assert score.direct_recall >= 0.91
    assert score.n_non_quotes_extracted == 0


@pytest.mark.xfail(strict=True, reason="target: every direct quote found; 0.922 measured (quotes "
                                       "nested in quotes, quotes after a caption line or a colon with no cue verb)")
def test_every_direct_quote_is_found(own_gold_score):
    assert own_gold_score.direct_recall == 1.0


@pytest.mark.xfail(strict=True, reason="target: >= 95% of pronoun speakers resolved; 0.909 of 22 measured "
                                       "('she' after a described speaker goes to the woman named last; 'they' after "
                                       "'the officers' to the last speaker; an outlet never a subject)")
def test_pronoun_speakers_resolve_to_the_right_source(own_gold_score):
    assert own_gold_score.pronoun_accuracy >= 0.95


def test_polnear_dev_meets_the_quote_targets(nlp, extraction_rules):
    """PolNeAR dev, speech cues (read where WIREHOUSE_POLNEAR_DIR points; about 15 s): the targets
    recall >= 0.88, precision >= 0.92, speaker >= 0.95 (0.883 / 0.926 / 0.961 when set)."""
    import os
    from pathlib import Path

    from evaluation.gold.polnear import iter_polnear
    from evaluation.quotes import speech_cue_quotes

    folder = os.environ.get("WIREHOUSE_POLNEAR_DIR")
    if not folder or not (Path(folder) / "dev").is_dir():
        pytest.skip("PolNeAR not here: set WIREHOUSE_POLNEAR_DIR to its data folder")
    speech_verbs = frozenset(verb for verb, strength in extraction_rules.quotes.reporting_verbs.items() if strength >= 0.8)
    golds = (speech_cue_quotes(gold, speech_verbs) for gold in iter_polnear(Path(folder), "dev"))
    score = evaluate_quotes(golds, nlp, extraction_rules, only_cues=speech_verbs).score
    assert score.recall >= 0.88 and score.precision >= 0.92 and score.speaker_accuracy >= 0.95, (
        score.recall, score.precision, score.speaker_accuracy)
