"""Random bytes and random Unicode through ingest, layout and every extractor (issue 11): an
input is a Document or a quarantine row, an article is extracted or quarantined, and nothing
raises out of the batch."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from transforms.documents import Document, IngestError, parse_jsonl_record
from transforms.extract import extract_batch

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
