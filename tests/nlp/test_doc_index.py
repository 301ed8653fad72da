"""The shared Doc index: the Doc's text and entities read once, and spans' text sliced from it."""

from nlp.doc_index import DocIndex, span_text
from tests.conftest import SEED_ARTICLE


def test_every_sentence_and_entity_reads_the_same_text_sliced_from_the_doc(nlp):
    doc = nlp(SEED_ARTICLE.read_text(encoding="utf-8"))
    spans = [*doc.sents, *doc.ents, doc[3:3], doc[-2:]]  # an empty span, and one that ends the Doc
    before = [span_text(span) for span in spans]  # no index yet: spaCy's own Span.text
    index = DocIndex.of(doc)
    assert index.text == doc.text
    assert [span_text(span) for span in spans] == before == [span.text for span in spans]
    assert any(span.text != span.text.strip() or "\n" in span.text for span in doc.sents)  # spacing kept


def test_an_index_keeps_the_entities_and_where_each_token_falls(nlp):
    doc = nlp("Police in Tunis said the attack on the Bardo museum killed 21 people on Wednesday.")
    index = DocIndex.of(doc)
    assert [e.text for e in index.ents] == [e.text for e in doc.ents]
    tunis = next(t for t in doc if t.text == "Tunis")
    assert index.entity_at(tunis.i).text == "Tunis" and index.entity_at(0) is None
