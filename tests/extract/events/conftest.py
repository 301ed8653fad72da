"""Fixtures for the event steps: the real model's parse of a sentence, and events of a short text."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from extract.batch import extract_batch
from ingest.records import Document, InputMetadata, article_id_for


@pytest.fixture(scope="session")
def event_rules(extraction_rules):
    return extraction_rules.events


@pytest.fixture(scope="session")
def sentence_of(nlp):
    """The first sentence of a text, parsed by the real model."""

    def parse(text: str):
        return next(nlp(text).sents)

    return parse


@pytest.fixture(scope="session")
def events_of(nlp, extraction_rules):
    """Events of one text, published on the given day (default Wednesday 2018-03-21), through
    the flow's own layout, parse and extraction."""

    def extract(text: str, published: date | None = date(2018, 3, 21)):
        metadata = InputMetadata(published_at=datetime(published.year, published.month, published.day)
                                 if published else None)
        batch = extract_batch([Document(article_id_for(text), "test.txt", text, metadata)], nlp, extraction_rules)
        return batch.events

    return extract
