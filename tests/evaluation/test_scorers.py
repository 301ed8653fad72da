"""Scorers: each figure and its trivial baseline computed right on literal cases."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from evaluation import DEFAULT_CASE_PATH, DEFAULT_GVA_DIR
from evaluation.case2021 import NO_EVENT, predicted_label
from evaluation.events import score_events, scored_events, sentence_spans
from evaluation.gold.case2021 import iter_case
from evaluation.gold.events import GoldEvent, GoldEventArticle
from evaluation.gold.gva import GvaArticle, iter_gva
from evaluation.gva import IncidentFigures, incident_figures, score_gva, split_rows
from evaluation.labels import score_labels
from extract.events.records import Event, EventMention


def _event(start: int, end: int, event_class: str = "Attack", fatalities: int | None = None,
           event_date: date | None = None, event_type: str | None = "ASSAULT") -> Event:
    mention = EventMention("attack", start, start + 6, start, end, event_class, fatalities, None, None)
    return Event("a", event_class, event_type, None, None, None, "attack", start, start + 6, start, end,
                 event_date, "day" if event_date else "unknown", None, "none", None, None, None, None, None,
                 None, None, "unknown", None, "none", None, fatalities, None, None, None, "none", None,
                 "asserted", 0.5, mentions=(mention,))


def test_labels_weighted_and_macro_f1():
    score = score_labels(["A", "A", "B", "C"], ["A", "B", "B", NO_EVENT])
    by_label = {c.label: c for c in score.per_class}
    assert score.accuracy == 0.5
    assert (by_label["A"].precision, by_label["A"].recall) == (1.0, 0.5)
    assert (by_label["B"].precision, by_label["B"].recall) == (0.5, 1.0)
    assert by_label["C"].f1 == 0.0  # NONE is never a class of its own
    assert score.weighted_f1 == pytest.approx((2 * (2 / 3) + 1 * (2 / 3) + 0) / 4)
    assert score.macro_f1 == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)
    assert ("C", NO_EVENT, 1) in score.confusions


def test_case_label_of_the_first_classed_event():
    labels = {"Attack": "ATTACK", "Grenade": "GRENADE"}
    assert predicted_label([_event(0, 10, "Grenade"), _event(20, 30)], labels) == "GRENADE"
    assert predicted_label([], labels) == NO_EVENT


def test_gva_takes_the_largest_counts_and_the_deadliest_events_day():
    quiet, deadly = _event(0, 10, fatalities=0, event_date=date(2018, 3, 5)), _event(20, 30, fatalities=2,
                                                                                  event_date=date(2018, 3, 4))
    assert incident_figures([quiet, deadly]) == IncidentFigures(2, 0, date(2018, 3, 4))
    assert incident_figures([]) == IncidentFigures(0, 0, None)
    article = GvaArticle("g", "text", date(2018, 3, 5), 2, 0, date(2018, 3, 4), None)
    score = score_gva([(article, [quiet, deadly]), (article, [])])
    figures = {name: (value, baseline) for name, value, baseline, _, _ in score.figures()}
    assert figures["killed exact"] == (0.5, 0.0)  # always 0 is never right here
    assert figures["incident date exact"] == (0.5, 0.0)  # the publication date neither


def test_gva_counts_a_story_split_into_two_rows_and_an_arrest_with_a_toll():
    day = date(2018, 3, 4)
    shooting = replace(_event(0, 10, fatalities=1, event_date=day), acled_event_type="Violence against civilians")
    again = replace(shooting, trigger_start=20)
    arrest = _event(40, 50, "Arrests", fatalities=1, event_date=date(2018, 3, 5), event_type="COERCE")
    assert split_rows([shooting, again], day) and not split_rows([shooting, arrest], day)
    assert not split_rows([shooting, replace(again, event_date=date(2018, 3, 1))], day)  # another day: another one
    article = GvaArticle("g", "text", date(2018, 3, 5), 1, 0, day, None)
    figures = {name: value for name, value, _, _, _ in score_gva([(article, [shooting, again, arrest]),
                                                                  (article, [shooting])]).figures()}
    assert figures["stories whose incident is split into several rows (lower is better)"] == 0.5
    assert figures["arrests carrying a toll (lower is better)"] == 1.0


def test_own_gold_matches_by_sentence_and_leaves_statements_out():
    text = "Gunmen attacked a bus on Monday. Nothing else happened. Police said more."
    gold = GoldEventArticle("d", text, date(2018, 3, 6), (GoldEvent((7, 15), (), "Attack", "ASSAULT", None,
                                                                    "Attack", date(2018, 3, 5), None, None, 1,
                                                                    None, None),), True)
    statement = _event(56, 73, "Diplomatic event", event_type="ACCUSE")
    assert scored_events([statement]) == []
    score = score_events([(gold, [_event(0, 32, fatalities=1, event_date=date(2018, 3, 5)), statement])])
    assert (score.n_gold, score.n_predicted, score.n_matched) == (1, 1, 1)
    assert (score.class_accuracy, score.killed_exact, score.date_accuracy) == (1.0, 1.0, 1.0)
    assert score.baseline.n_predicted == len(sentence_spans(text)) == 3
    assert score.baseline.n_matched == 1


def test_a_doubtful_mention_neither_counts_nor_hides_a_gold_event_beside_it():
    """ "He was jailed (doubtful) ... after the 2006 riots (gold)": the riot event of that sentence
    is scored; an event told only where the doubtful mention is counts neither way."""
    text = "He was jailed in 2007 after the 2006 riots in Tonga. He was jailed again in 2010."
    gold = GoldEventArticle("d", text, date(2019, 1, 1), (GoldEvent((37, 42), (), "Violent demonstration", "PROTEST",
                                                                    None, None, None, None, None, None, None,
                                                                    None),), True, doubtful=((7, 13), (60, 66)))
    riots, jailed_again = _event(0, 52, "Violent demonstration"), _event(53, 81, "Arrests")
    score = score_events([(gold, [riots, jailed_again])])
    assert (score.n_gold, score.n_predicted, score.n_matched) == (1, 1, 1)


@pytest.mark.skipif(not (DEFAULT_GVA_DIR / "dev.jsonl").exists(), reason="../shared/eval/gva is absent")
def test_gva_reader():
    articles = list(iter_gva(DEFAULT_GVA_DIR / "dev.jsonl"))
    assert len(articles) == 208
    assert sum(a.n_killed == 0 for a in articles) == 161  # always 0: 0.774


@pytest.mark.skipif(not DEFAULT_CASE_PATH.exists(), reason="../shared/eval/case2021 is absent")
def test_case_reader_has_the_30_classes():
    assert len({s.label for s in iter_case(DEFAULT_CASE_PATH)}) == 30


def test_html_shingle_scores_count_passages_found_and_clutter_kept():
    from evaluation.gold.trafilatura_pages import EvalPage
    from evaluation.html import ShingleScore, score_page, visible_text

    page = EvalPage("https://x.example/a", b"", ("the minister said the talks would resume on monday", "Ten dead"),
                    ("Subscribe to our newsletter today", "Imprint"))
    score = ShingleScore()
    score_page(page, "The minister said the talks would resume next week. Ten dead. Imprint", score)
    # "with": 6 shingles, the first 4 found (up to "the talks would resume"), and "Ten dead" found;
    # "without": the newsletter line absent, "Imprint" present
    assert (score.true_positives, score.false_negatives, score.false_positives) == (5, 2, 1)
    assert score.precision == 5 / 6 and score.recall == 5 / 7
    assert visible_text(b"<html><body><script>var x;</script><p>Hello there</p></body></html>").strip() == "Hello there"
    assert visible_text(b"") == ""


def test_eval_html_scores_pages_in_trafilaturas_layout_and_says_when_there_are_none(tmp_path):
    """`wirehouse eval html` on two pages of our own laid out as trafilatura's evaluation set."""
    import json

    from typer.testing import CliRunner

    from flows.cli import app
    from tests.pages.templates import Story, news_page

    story = Story("Bridge reopens after repairs", [
        "The city's main bridge reopened to traffic on Friday after eight months of repairs, officials said.",
        "Commuters had faced detours of up to forty minutes while engineers replaced the worn steel cables.",
    ])
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "bridge.html").write_text(news_page(story), encoding="utf-8")
    (tmp_path / "evaldata.json").write_text(json.dumps({"https://x.example/bridge": {
        "file": "bridge.html", "with": [story.paragraphs[1]], "without": ["Accept all cookies"]}}), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "html", "--pages", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "baseline" in result.output and "1.000" in result.output  # all found, the banner left out
    missing = CliRunner().invoke(app, ["eval", "html", "--pages", str(tmp_path / "nowhere")])
    assert missing.exit_code == 0 and "skipped" in missing.output
