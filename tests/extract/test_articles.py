"""Articles: a Document and its layout become the stored row: the publication date's source in
order of trust, and the outlet a metadata `source` names."""

from __future__ import annotations

from datetime import datetime

import pytest

from extract.articles import build_article
from ingest.records import Document, InputMetadata, article_id_for

TEXT = "Storm hits coast\n\nMIAMI, Sept 3, 2017 (Reuters) - A storm hit the coast on Sunday, officials said.\n"
METADATA = datetime(2017, 9, 4, 8, 30)
RUN = datetime(2017, 9, 5)
FETCHED = datetime(2017, 9, 6, 12, 0)


def document(text: str = TEXT, **metadata) -> Document:
    return Document(article_id_for(text), "test.txt", text, InputMetadata(**metadata))


@pytest.mark.parametrize("metadata, default_published_at, expected", [
    ({"published_at": METADATA}, RUN, (METADATA, "metadata")),
    ({"published_at": METADATA, "published_at_source": "page"}, None, (METADATA, "page")),
    ({}, RUN, (RUN, "run")),
    ({}, None, (datetime(2017, 9, 3), "dateline")),
    ({"fetched_at": FETCHED}, None, (datetime(2017, 9, 3), "dateline")),
])
def test_the_publication_date_comes_from_the_surest_source(extraction_rules, metadata, default_published_at,
                                                            expected):
    article = build_article(document(**metadata), extraction_rules.layout, "en", default_published_at)
    assert (article.published_at, article.published_at_source) == expected


def test_a_fetch_time_dates_an_article_nothing_else_dates(extraction_rules):
    text = "A storm hit the coast on Sunday, officials said.\n"
    article = build_article(document(text, fetched_at=FETCHED), extraction_rules.layout, "en")
    assert (article.published_at, article.published_at_source) == (FETCHED, "fetched")
    assert build_article(document(text), extraction_rules.layout, "en").published_at is None


@pytest.mark.parametrize("metadata, expected", [
    ({}, ("Reuters", None)),  # the dateline names the agency
    ({"source": "The Straits Times"}, ("Reuters", "The Straits Times")),
    ({"source": "AFP"}, ("Reuters", None)),  # an agency in metadata never overrides the text's
    ({"source": "Some Local Blog"}, ("Reuters", "Some Local Blog")),
])
def test_a_metadata_source_fills_the_outlet_the_text_does_not_give(extraction_rules, metadata, expected):
    article = build_article(document(**metadata), extraction_rules.layout, "en")
    assert (article.agency, article.publisher) == expected


def test_the_body_and_its_words_index_the_raw_text(extraction_rules):
    article = build_article(document(), extraction_rules.layout, "en")
    assert article.body == TEXT[article.body_start:article.body_end]
    assert article.body.startswith("A storm hit")
    assert article.word_count == len(article.body.split())
    assert (article.title, article.dateline) == ("Storm hits coast", "Miami")


POLNEAR_PUBLISHERS = ("breitbart", "huff-post", "nyt", "politico", "usa-today", "wash-post", "west-journal")


@pytest.mark.parametrize("spelling, outlet", [
    *[(name, None) for name in POLNEAR_PUBLISHERS],
    ("The Huffington Post", "HuffPost"), ("USA TODAY", "USA Today"), ("Wikinews (en)", "Wikinews"),
])
def test_every_publisher_string_seen_names_one_outlet(extraction_rules, spelling, outlet):
    found = extraction_rules.layout.outlet_for(spelling)
    assert found is not None, spelling
    assert outlet is None or found.name == outlet


def test_polnear_publishers_all_name_an_outlet(extraction_rules):
    """Every publisher of PolNeAR train and dev (metadata read where WIREHOUSE_POLNEAR_DIR points)."""
    import csv
    import os
    from pathlib import Path

    folder = os.environ.get("WIREHOUSE_POLNEAR_DIR")
    metadata = Path(folder) / "metadata.tsv" if folder else None
    if metadata is None or not metadata.exists():
        pytest.skip("PolNeAR not here: set WIREHOUSE_POLNEAR_DIR to its data folder")
    with metadata.open(newline="", encoding="utf-8") as handle:
        publishers = {row["publisher"] for row in csv.DictReader(handle, delimiter="\t")
                      if row["compartment"] in ("train", "dev")}
    assert {p for p in publishers if extraction_rules.layout.outlet_for(p) is None} == set()
