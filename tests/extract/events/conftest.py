"""Fixtures for the event steps: the real model's parse of a sentence, and events of a short text."""

from __future__ import annotations

from datetime import date

import pytest

from evaluation.events import extracted_events


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
    """Events of one text, published on the given day (default Wednesday 2018-03-21)."""

    def extract(text: str, published: date | None = date(2018, 3, 21)):
        return next(iter(extracted_events([(text, published)], nlp, extraction_rules)))

    return extract
