"""The article's running context: the address told nearest an incident's sentence, outside the
sentences of other incidents, and the entities of one sentence read from the index."""

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
    found = ArticleContext(index, "a1", 0, extraction_rules.events, date(2024, 5, 8), None,
                           PlaceContext(frozenset()), [], frozenset())
    found.note_address(0, "the 1500 block of Pennsylvania Avenue")
    found.note_address(TEXT.index("In Ohio"), "22 Elm Street")
    return found


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
