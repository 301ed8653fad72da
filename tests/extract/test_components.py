"""The extractors as spaCy components: assembled by extract/pipeline.cfg, `nlp.pipe` yields Docs
that hold their records, and the flow's way (parse, then the components) gives the same."""

from __future__ import annotations

from datetime import date

import pytest

from extract.components import ArticleInfo, article_extractors, extraction_pipeline, run_extractors
from nlp.pipeline import load_pipeline

from tests.conftest import DEFAULT_MODEL, SEEDS_DIR

TEXT = ('Gunmen killed three people in Kabul on Monday, police said. "We will find them," '
        "the interior minister, Ahmad Zia, told reporters.")


@pytest.fixture(scope="module")
def extraction_nlp():
    return extraction_pipeline(DEFAULT_MODEL, SEEDS_DIR)


def test_the_config_puts_the_extractors_after_the_models_own_components(extraction_nlp):
    names = extraction_nlp.pipe_names
    assert names[-3:] == ["wirehouse_entities", "wirehouse_quotes", "wirehouse_events"]
    assert names.index("ner") < names.index("wirehouse_entities")


def test_the_shared_parse_only_pipeline_is_left_without_them(extraction_nlp):
    assert not any(name.startswith("wirehouse_") for name in load_pipeline(DEFAULT_MODEL).pipe_names)


def test_nlp_pipe_yields_docs_that_hold_the_records(extraction_nlp):
    doc = next(extraction_nlp.pipe([TEXT]))
    assert [(m.label, m.text) for m in doc._.entity_mentions if m.label == "GPE"] == [("GPE", "Kabul")]
    assert [(q.kind, q.content) for q in doc._.quotes][-1] == ("direct", "We will find them")
    assert [e.event_class for e in doc._.events] == ["Attack"]
    assert doc._.events[0].fatalities == 3


def test_a_doc_without_an_article_is_an_article_of_its_own(extraction_nlp):
    doc = extraction_nlp(TEXT)
    assert doc._.quotes and all(TEXT[q.content_start:q.content_end] == q.content for q in doc._.quotes)


@pytest.mark.parametrize("wanted, present", [
    (frozenset({"entities"}), {"entity_mentions"}),
    (frozenset({"quotes", "sources"}), {"quotes", "article_sources"}),
    (frozenset({"events"}), {"events"}),
])
def test_the_flows_way_runs_only_the_extractors_wanted_and_leaves_the_doc_clean(nlp, extraction_rules,
                                                                                   wanted, present):
    doc = nlp(TEXT)
    info = ArticleInfo("a1", offset=10, published=date(2024, 5, 6), wanted=wanted)
    records = run_extractors(doc, info, article_extractors(extraction_rules))
    found = {name for name in ("entity_mentions", "quotes", "article_sources", "events") if getattr(records, name)}
    assert found == present
    assert all(getattr(doc._, name) is None for name in ("article", "doc_index", "quotes", "events"))
    if "quotes" in present:
        direct = records.quotes[-1]
        assert direct.content_start == TEXT.index("We will") + 10  # shifted by the body's offset


def test_the_components_and_the_flow_agree(extraction_nlp, nlp, extraction_rules):
    piped = extraction_nlp(TEXT)
    records = run_extractors(nlp(TEXT), ArticleInfo(piped._.article.article_id), article_extractors(extraction_rules))
    assert records.quotes == piped._.quotes
    assert records.events == piped._.events
