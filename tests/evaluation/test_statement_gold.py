"""Scoring statements and source identities against gold keyed by document and offsets."""

import pytest

from evaluation.statement_gold import (
    GoldMention,
    GoldQuotation,
    QuoteRow,
    bcubed,
    in_one_statement,
    score_identities,
    score_remarks,
    with_equal_words,
)


def quote(doc, quote_id, start, end, content, statement, source="s1", speaker=(None, None)):
    return QuoteRow(doc, quote_id, start, end, speaker[0], speaker[1], content, "direct", source, "person",
                    (statement,) if statement else ())


def test_bcubed_of_a_perfect_and_of_a_lumped_clustering():
    gold = ["a", "a", "b", "c"]
    assert (bcubed(gold, ["x", "x", "y", "z"]).f1) == 1.0
    lumped = bcubed(gold, ["x", "x", "x", "x"])
    assert lumped.recall == 1.0 and lumped.precision == pytest.approx((2 / 4 * 2 + 1 / 4 * 2) / 4)


def test_a_gold_pair_is_recalled_when_its_quotes_share_a_statement():
    remarks = [GoldQuotation("r1", "nyt_1", 0, 40, "A"), GoldQuotation("r1", "wash-post_2", 10, 50, "A"),
               GoldQuotation("r2", "nyt_3", 0, 30, "B"), GoldQuotation("r2", "politico_4", 0, 30, "B")]
    quotes = {"nyt_1": [quote("nyt_1", "q1", 0, 40, "we will rebuild the harbour this year", "st1")],
              "wash-post_2": [quote("wash-post_2", "q2", 10, 50, "we will rebuild the harbour this year", "st1")],
              "nyt_3": [quote("nyt_3", "q3", 0, 30, "prices will rise next spring", "st3")],
              "politico_4": [quote("politico_4", "q4", 0, 30, "prices will rise in the spring", "st4")]}
    linker = score_remarks(remarks, quotes, in_one_statement, across_outlets=True)
    baseline = score_remarks(remarks, quotes, with_equal_words, across_outlets=True)
    assert (linker.recalled, linker.gold_pairs, linker.right, linker.linked_pairs) == (1, 2, 1, 1)
    assert baseline.recall == 0.5 and baseline.precision == 1.0


def test_a_linked_pair_of_two_remarks_counts_against_precision():
    remarks = [GoldQuotation("r1", "nyt_1", 0, 40, "A"), GoldQuotation("r2", "politico_2", 0, 40, "A")]
    quotes = {"nyt_1": [quote("nyt_1", "q1", 0, 40, "one", "st1")],
              "politico_2": [quote("politico_2", "q2", 0, 40, "two", "st1")]}
    score = score_remarks(remarks, quotes, in_one_statement, across_outlets=True)
    assert (score.gold_pairs, score.linked_pairs, score.right) == (0, 1, 0)


def test_identities_are_scored_by_the_source_of_the_quote_at_each_mention():
    texts = {"d1": "Donald Trump said it.", "d2": "Trump said it.", "d3": "Bill Clinton said it."}
    mentions = [GoldMention("d1", 0, 12, "Donald Trump", "person"), GoldMention("d2", 0, 5, "Donald Trump", "person"),
                GoldMention("d3", 0, 12, "Bill Clinton", "person"), GoldMention("d3", 0, 4, "-", "not_a_source")]
    quotes = {"d1": [quote("d1", "q1", 13, 20, "it", None, "trump", (0, 12))],
              "d2": [quote("d2", "q2", 6, 13, "it", None, "trump", (0, 5))],
              "d3": [quote("d3", "q3", 13, 20, "it", None, "clinton", (0, 12))]}
    scores = score_identities(mentions, quotes, texts)
    assert scores["wirehouse"].f1 == 1.0 and scores["wirehouse"].n_items == 3
    assert scores["exact name"].recall < 1.0
