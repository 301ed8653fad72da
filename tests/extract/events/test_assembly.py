"""The article's running context: the address told nearest an incident's sentence, outside the
sentences of other incidents; the days and addresses of sentences passed over, read only when
asked for and then as if read in order; and the entities of one sentence read from the index."""

from __future__ import annotations

from datetime import date

import pytest

from extract.events.assembly import ArticleContext
from nlp.doc_index import DocIndex
from nlp.places import PlaceContext

TEXT = ("Officers responded to the 1500 block of Pennsylvania Avenue. A man was shot there on Monday. "
        "In Ohio, a woman was stabbed at 22 Elm Street.")


@pytest.fixture(scope="module")
def context(nlp, extraction_rules):
    index = DocIndex.of(nlp(TEXT))
    found = _context(index, extraction_rules)
    for sentence in index.doc.sents:
        found.pass_sentence(sentence)  # read when an incident first asks for the nearest
    return found


def _context(index, extraction_rules):
    return ArticleContext(index, "a1", 0, extraction_rules.events, date(2024, 5, 8), None,
                          PlaceContext(frozenset()), [], frozenset())


@pytest.mark.parametrize("sentence, elsewhere, address", [
    ("A man was shot", [], "the 1500 block of Pennsylvania Avenue"),  # told before the incident
    ("Officers responded", [], "the 1500 block of Pennsylvania Avenue"),
    ("A man was shot", [(0, TEXT.index(" A man"))], "22 Elm Street"),  # the first is another incident's
])
def test_the_nearest_address_outside_other_incidents(context, sentence, elsewhere, address):
    assert context.nearest_address(TEXT.index(sentence), elsewhere) == address


def test_a_sentences_entities_come_from_the_index(context):
    sentences = list(context.index.doc.sents)
    assert [e.text for e in context.ents_of(sentences[2])] == [e.text for e in sentences[2].ents]
    assert all(e.end_char <= sentences[0].end_char for e in context.ents_of(sentences[0]))


def test_sentences_passed_over_are_read_as_if_read_in_order(nlp, extraction_rules):
    text = ("Police said the robbery happened at 12 Elm Street on Friday, May 3. A man was shot on Tuesday. "
            "Two days later officers returned. A woman was stabbed on Sunday.")
    index = DocIndex.of(nlp(text))
    in_order, passed = _context(index, extraction_rules), _context(index, extraction_rules)
    for i, sentence in enumerate(index.doc.sents):
        in_order.read_sentence(sentence)
        if i % 2:  # every other sentence tells an incident: it is read at once, and its day is the last
            day = passed.read_sentence(sentence)
            in_order.previous_day = passed.previous_day = day.resolved.start if day else None
        else:
            passed.pass_sentence(sentence)
    assert len(passed.days) == 2 and passed.addresses == []  # the sentences passed over are not read yet
    start = text.index("A woman")
    assert passed.nearest_day(start, []) == in_order.nearest_day(start, [])
    assert passed.days == in_order.days and passed.addresses == in_order.addresses
    # "two days later" counts from Tuesday, the last day when it was reached, not from Sunday
    assert [(d.text, d.resolved.start) for _, d in passed.days] == [
        ("Friday, May 3", date(2024, 5, 3)), ("Tuesday", date(2024, 5, 7)), ("Two days later", date(2024, 5, 9)),
        ("Sunday", date(2024, 5, 5))]
    assert [address for _, address in passed.addresses] == ["12 Elm Street"]
