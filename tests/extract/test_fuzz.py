"""Random bytes and random Unicode through ingest, layout and every extractor: an
input is a Document or a quarantine row, an article is extracted or quarantined, and nothing
raises out of the batch."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extract.batch import extract_batch
from ingest.jsonl import parse_jsonl_record
from ingest.records import Document, IngestError

LIMIT = 200_000
# Characters that trip parsers: quotation marks of every kind, apostrophes, dashes, NUL and
# other controls, lone surrogates, a byte order mark, line and paragraph separators.
AWKWARD = list('"\'“”‘’„«»‹›`´—–-\x00\x01\x1b\x7f\ufeff\u2028\u2029\ud800\udfff\r\n\t ') + ["\n\n", "“ ", " ”"]
WORDS = ["said", "Police", "killed", "two", "in", "Paris", "on", "Monday", "(AP)", "--", "By", "JOHN", "SMITH",
         "BEIRUT", "AFP", "according", "to", "the", "attack", "protest", ".", ",", "2015", "March", "19"]
article_texts = st.lists(st.one_of(st.sampled_from(AWKWARD), st.sampled_from(WORDS), st.characters()),
                         max_size=120).map(" ".join)


def assert_accounted_for(documents, batch):
    """Each document is an extracted article or a quarantine row with its article_id."""
    laid_out = {a.article_id for a in batch.articles}
    quarantined = {e.article_id for e in batch.errors}
    assert all(d.article_id in laid_out | quarantined for d in documents)
    for article in batch.articles:
        assert article.raw_text[article.body_start:].startswith(article.body) or not article.body


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article_texts, min_size=1, max_size=4))
@example(["x" * 150_000])  # one huge line, no space to cut at
@example(['"' * 500 + " said " + "“" * 300])
@example(["\ud800 lone surrogate", "A good article. Police said two men were killed in Paris on Monday."])
def test_random_text_through_jsonl_layout_and_extraction(nlp, extraction_rules, texts):
    documents = []
    for number, text in enumerate(texts, start=1):
        record = parse_jsonl_record(json.dumps({"id": number, "text": text}).encode("utf-8"), f"f.jsonl#line{number}",
                                    "f.jsonl", LIMIT)
        assert isinstance(record, (Document, IngestError))
        if isinstance(record, Document):
            documents.append(record)
    batch = extract_batch(documents, nlp, extraction_rules)
    assert_accounted_for(documents, batch)


_ARCHIVE = None


def _good_archive() -> bytes:
    global _ARCHIVE
    if _ARCHIVE is None:
        from tests.pages.templates import Record, Story, news_page, warc_bytes

        page = news_page(Story("Two killed in Paris", ["PARIS (AFP) - Police said two men were killed on Monday."]))
        _ARCHIVE = warc_bytes([Record(f"https://x.example/{n}", page.encode()) for n in range(3)])
    return _ARCHIVE


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=10_000), junk=st.binary(max_size=300),
       position=st.integers(min_value=0, max_value=10_000))
def test_a_damaged_archive_never_raises_and_keeps_its_readable_records(tmp_path, cut, junk, position):
    """An archive cut short, with random bytes written over any part of it: every item is a
    page, a skipped record or a quarantine row, and nothing raises; pages still become
    Documents or quarantine rows."""
    from ingest.records import RawPage, SkippedRecord
    from ingest.html import pages_to_documents
    from ingest.warc import read_warc

    data = bytearray(_good_archive())
    data[position:position + len(junk)] = junk
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(bytes(data[: len(data) - cut % len(data)]))
    items = list(read_warc(path, LIMIT))
    assert all(isinstance(item, (RawPage, SkippedRecord, IngestError)) for item in items)
    documents, _ = pages_to_documents([item for item in items if isinstance(item, RawPage)])
    assert all(isinstance(d, (Document, IngestError)) for d in documents)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000), st.one_of(st.none(), st.sampled_from(["utf-8", "latin-1", "x-nope", "utf-16"])))
def test_random_bytes_as_a_page_are_a_document_or_a_quarantine_row(payload, charset):
    from ingest.records import RawPage
    from ingest.html import pages_to_documents

    results, _ = pages_to_documents([RawPage("random.html", b"<html><body><p>" + payload + b"</p></body></html>",
                                             http_charset=charset)])
    assert len(results) == 1 and isinstance(results[0], (Document, IngestError))
