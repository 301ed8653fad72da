"""Parsing a batch: long texts in pieces with every offset kept, one bad text never the batch's."""

import pytest
import spacy
from spacy.language import Language

from nlp.parsing import groups, parse_long, parse_texts, text_pieces


@pytest.mark.parametrize("text, limit, expected", [
    ("one two\n\nthree four\n\nfive", 14, ["one two\n\n", "three four\n\n", "five"]),
    ("First line.\nSecond line here.\nThird.", 20, ["First line.\n", "Second line here.\n", "Third."]),
    ("He came. She went. They stayed put.", 20, ["He came. She went. ", "They stayed put."]),
    ("aaaa bbbb cccc dddd", 8, ["aaaa ", "bbbb ", "cccc ", "dddd"]),
    ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
    ("short", 10, ["short"]),
])
def test_text_pieces_join_back_and_cut_at_the_widest_break(text, limit, expected):
    pieces = text_pieces(text, limit)
    assert pieces == expected
    assert "".join(pieces) == text and all(len(p) <= limit for p in pieces)


def test_a_long_text_parsed_in_pieces_keeps_every_offset(nlp):
    paragraph = "Police in Paris arrested two men on Monday, the ministry said.\n\n"
    text = paragraph * 40
    doc = parse_long(nlp, text, limit=500)
    assert doc.text == text
    assert len(list(doc.sents)) >= 40
    paris = [e for e in doc.ents if e.text == "Paris"]
    assert len(paris) >= 30 and all(text[e.start_char:e.end_char] == "Paris" for e in paris)


def test_groups_are_bounded_by_texts_and_characters():
    texts = [("a" * 10, 1), ("b" * 10, 2), ("c" * 25, 3), ("d" * 5, 4), ("e" * 5, 5)]
    assert [[item for _, item in g] for g in groups(texts, max_texts=3, max_chars=20)] == [[1, 2], [3], [4, 5]]
    assert [[item for _, item in g] for g in groups(texts, max_texts=2, max_chars=100)] == [[1, 2], [3, 4], [5]]


def test_a_text_spacy_refuses_fails_alone(nlp, monkeypatch):
    """spaCy refuses a text over max_length (E088) inside nlp.pipe; the texts beside it parse."""
    monkeypatch.setattr(nlp, "max_length", 60)
    texts = [("Rebels attacked a village.", "a"), ("A storm hit the coast.", "b"),
             ("The talks went on. " * 3, "long"), ("Two men were arrested.", "c")]
    results = dict(parse_texts(nlp, texts, batch_size=8))
    assert results.keys() == {"a", "b", "long", "c"}
    assert results["long"].text == "The talks went on. " * 3  # over max_length: parsed in pieces
    assert [results[k].text for k in "abc"] == ["Rebels attacked a village.", "A storm hit the coast.",
                                                "Two men were arrested."]


@Language.component("wirehouse_test_refuses_boom")
def refuses_boom(doc):
    if "BOOM" in doc.text:
        raise ValueError("this component refuses BOOM")
    return doc


def test_a_text_that_breaks_a_group_fails_alone_and_the_rest_parse():
    nlp = spacy.blank("en")
    nlp.add_pipe("wirehouse_test_refuses_boom")
    texts = [(f"Text number {i}.", i) for i in range(10)]
    texts[6] = ("Here is BOOM.", 6)
    results = dict(parse_texts(nlp, texts, batch_size=4))
    assert sorted(results) == list(range(10))
    assert isinstance(results[6], ValueError) and "BOOM" in str(results[6])
    assert all(results[i].text == f"Text number {i}." for i in range(10) if i != 6)
