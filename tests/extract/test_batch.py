"""Extraction on the real model: offsets point into the raw text, whatever surrounds the body."""

from __future__ import annotations

from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.batch import extract_batch
from ingest.records import Document, InputMetadata, article_id_for
from tests.conftest import SEED_ARTICLE

HEADERS = ["", "A headline about Tunisia\n\n", "MOUSSAOUI BEIRUT (AFP) - ", "\ufeffKUWAIT, June 29 - ",
           "Title\r\n\r\nBy Jane Doe\r\n\r\nWASHINGTON (Reuters) — "]
SENTENCES = ["Barack Obama met Angela Merkel in Berlin on Monday.", "ISIS claimed the attack in Tunis.",
             "“We will rebuild,” said Mayor Anne Hidalgo of Paris.", "Prices rose 3% in São Paulo — again.",
             "The United Nations sent 20 trucks to Yemen. 🚚", "e\u0301 accents and Ω symbols near Moscow."]
FOOTERS = ["", "\n\nJoin ST's Telegram channel and get the latest breaking news delivered to you.", "\n Reuter\n"]


def make_document(text: str, title: str | None = None) -> Document:
    return Document(article_id_for(text), "memory", text, InputMetadata(title=title))


article_texts = st.builds(
    lambda header, body, noise, footer: header + " ".join(body) + noise + footer,
    st.sampled_from(HEADERS),
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4),
    st.text(max_size=20),
    st.sampled_from(FOOTERS),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article_texts)
def test_every_offset_round_trips_into_the_raw_text(nlp, extraction_rules, text):
    if not text.strip():
        return
    batch = extract_batch([make_document(text)], nlp, extraction_rules)
    assert not batch.errors
    (article,) = batch.articles
    assert article.raw_text == text
    assert 0 <= article.body_start <= article.body_end <= len(text)
    for mention in batch.entity_mentions:
        assert text[mention.start:mention.end] == mention.text
        assert article.body_start <= mention.start < mention.end <= article.body_end


def test_seed_entities_and_publication_date(nlp, extraction_rules):
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    batch = extract_batch([make_document(text)], nlp, extraction_rules, default_published_at=datetime(2015, 3, 21))
    (article,) = batch.articles
    assert (article.published_at, article.published_at_source) == (datetime(2015, 3, 21), "run")
    names = {(m.label, m.text) for m in batch.entity_mentions}
    assert ("PERSON", "JM Berger") in names
    assert ("GPE", "Yemen") in names
    assert all(text[m.start:m.end] == m.text for m in batch.entity_mentions)
    assert 600 < article.word_count < 800


def test_extraction_is_deterministic(nlp, extraction_rules):
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    first = extract_batch([make_document(text)], nlp, extraction_rules)
    second = extract_batch([make_document(text)], nlp, extraction_rules)
    assert first == second


def test_a_batch_leaves_no_new_strings_in_the_vocabulary(nlp, extraction_rules):
    """A long run must not grow a worker's memory: the words of a batch are freed after it."""
    def batch_of_new_words(k):
        texts = [f'"We will go on," said Zorblax{k}x{i} Quenterby of the Flarnish{k}x{i} Front in Kabul. '
                 f'Two people were killed.' for i in range(20)]
        return [make_document(text) for text in texts]

    extract_batch(batch_of_new_words(0), nlp, extraction_rules)
    before = len(nlp.vocab.strings)
    batch = extract_batch(batch_of_new_words(1), nlp, extraction_rules)
    assert len(nlp.vocab.strings) == before
    assert "Zorblax1x0 Quenterby" in {mention.text for mention in batch.entity_mentions}  # records keep their text


def test_an_article_over_its_time_budget_is_quarantined_and_the_batch_goes_on(nlp, extraction_rules):
    texts = ["Police said two men were arrested in Lyon on Monday after a protest.",
             '"We will rebuild," the mayor of Lyon said on Tuesday.']
    documents = [Document(article_id_for(t), f"{n}.txt", t, InputMetadata()) for n, t in enumerate(texts)]
    over = extract_batch(documents, nlp, extraction_rules, article_seconds=1e-9)
    assert over.articles == [] and [e.error_kind for e in over.errors] == ["too_slow", "too_slow"]
    assert "WIREHOUSE_ARTICLE_SECONDS" in over.errors[0].message and over.errors[0].article_id == documents[0].article_id
    within = extract_batch(documents, nlp, extraction_rules, article_seconds=60)
    assert len(within.articles) == 2 and within.errors == []
