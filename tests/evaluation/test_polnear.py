"""PolNeAR reader: a hand-written article in the corpus's BRAT syntax, and the real corpus when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from evaluation.gold.polnear import iter_polnear, parse_polnear_document

TEXT = (
    '"The bridge will reopen in May," the mayor said on Monday, "and tolls will stay the same."\n'
    "Repairs are running late, officials conceded.\n"
    "The council, according to the minutes, voted twice.\n"
)


def _at(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


CONTENT_1 = _at('"The bridge will reopen in May,"')
CONTENT_2 = _at('"and tolls will stay the same."')
SOURCE_1 = _at("the mayor")
CUE_1 = _at("said")
CONTENT_3 = _at("Repairs are running late")
CUE_3 = _at("conceded")
SOURCE_3 = _at("officials")
CONTENT_4 = _at("The council")
CUE_4 = _at("according to")


def _t(tid: str, kind: str, *spans: tuple[int, int]) -> str:
    offsets = ";".join(f"{start} {end}" for start, end in spans)
    return f"{tid}\t{kind} {offsets}\t{' '.join(TEXT[start:end] for start, end in spans)}"


ANNOTATIONS = "\n".join(
    [
        # A direct quotation split around its source and cue, written as one discontinuous span.
        _t("T1", "Content", CONTENT_1, CONTENT_2),
        _t("T2", "Source", SOURCE_1),
        _t("T3", "Cue", CUE_1),
        _t("T4", "Attribution", CUE_1),
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        # An attribution without a source.
        _t("T5", "Content", CONTENT_3),
        _t("T6", "Cue", CUE_3),
        _t("T7", "Attribution-no-source", CUE_3),
        "E2\tAttribution-no-source:T7 Content:T5 Cue:T6",
        # An attribution without a cue: dropped.
        _t("T8", "Content", CONTENT_4),
        _t("T9", "Source", SOURCE_3),
        _t("T10", "Attribution", CUE_4),
        "E3\tAttribution:T10 Content:T8 Source:T9",
        _t("T11", "Discard", _at("voted twice")),
        "#1\tAnnotatorNotes T8\tcheck this one",
        "",
    ]
)


def test_parse_keeps_attributions_with_cue_and_content():
    article = parse_polnear_document("nyt_2016-10-01_bridge-repairs", TEXT, ANNOTATIONS)

    assert article.doc_id == "nyt_2016-10-01_bridge-repairs"
    assert article.text == TEXT
    assert article.published_at == "2016-10-01"
    assert len(article.quotes) == 2
    direct, unsourced = article.quotes
    assert direct.content == (CONTENT_1, CONTENT_2)
    assert direct.speaker == (SOURCE_1,)
    assert direct.cue == (CUE_1,)
    assert (direct.kind, direct.source, direct.source_kind) == (None, None, None)
    assert unsourced.content == (CONTENT_3,)
    assert unsourced.cue == (CUE_3,)
    assert unsourced.speaker == ()


def test_parse_quote_marks_stay_inside_content():
    direct = parse_polnear_document("x", TEXT, ANNOTATIONS).quotes[0]
    assert [TEXT[start:end] for start, end in direct.content] == [
        '"The bridge will reopen in May,"',
        '"and tolls will stay the same."',
    ]


def test_parse_folds_numbered_roles_and_multiline_span_text():
    """Content2 is a second content span; span text holding a newline spills onto the next line."""
    across = (CONTENT_3[0], CUE_4[1])  # from "Repairs" in line 2 to "according to" in line 3
    annotations = "\n".join(
        [
            _t("T1", "Content", CONTENT_1),
            _t("T5", "Discuss", across),
            _t("T2", "Content", CONTENT_2),
            _t("T3", "Cue", CUE_1),
            _t("T4", "Attribution", CUE_1),
            "E1\tAttribution:T4 Cue:T3 Content:T1 Content2:T2",
        ]
    )
    assert "\n" in TEXT[across[0] : across[1]]

    (quote,) = parse_polnear_document("x", TEXT, annotations).quotes

    assert quote.content == (CONTENT_1, CONTENT_2)
    assert quote.speaker == ()


def test_parse_rejects_spans_outside_the_text():
    with pytest.raises(ValueError, match="outside the text"):
        parse_polnear_document("short", TEXT[:20], ANNOTATIONS)


def test_iter_polnear_explains_a_missing_layout(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="attributions"):
        list(iter_polnear(tmp_path, "dev"))


POLNEAR_DIR = os.environ.get("WIREHOUSE_POLNEAR_DIR")


@pytest.mark.corpus
@pytest.mark.skipif(
    not POLNEAR_DIR or not Path(POLNEAR_DIR).is_dir(), reason="WIREHOUSE_POLNEAR_DIR is unset or absent"
)
def test_real_polnear_dev_split():
    articles = list(iter_polnear(Path(POLNEAR_DIR or ""), "dev"))

    assert len(articles) == 84
    assert sum(len(article.quotes) for article in articles) == 2192
    for article in articles:
        for quote in article.quotes:
            assert quote.content and quote.cue
            for start, end in quote.content + quote.speaker + quote.cue:
                assert 0 <= start < end <= len(article.text), article.doc_id
