"""Articles: a decoded Document and its Layout become the row the warehouse stores."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from extract.layout import parse_layout
from extract.layout_parts import LayoutRules, Segment
from ingest.records import Document

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Article:
    """One article as stored in `articles`; body_start/body_end index raw_text."""

    article_id: str
    source_uri: str
    external_id: str | None
    url: str | None
    raw_text: str
    title: str | None
    byline: str | None
    dateline: str | None
    dateline_date_text: str | None
    agency: str | None
    publisher: str | None
    published_at: datetime | None
    published_at_source: str | None  # metadata | page | run | dateline | fetched
    language: str
    body_start: int
    body_end: int
    word_count: int
    segments: tuple[Segment, ...]
    input_format: str = "txt"  # txt | jsonl | html

    @property
    def body(self) -> str:
        return self.raw_text[self.body_start: self.body_end]


def build_article(
    document: Document, rules: LayoutRules, language: str, default_published_at: datetime | None = None
) -> Article:
    """Parse the layout of a Document and settle its publication date and outlets.

    The publication date comes from the input's metadata (a JSONL field, or the page's own
    metadata), else from the run's --published-at, else from a dateline that gives a year, else
    from the time a WARC record was fetched; otherwise it stays unknown.
    A metadata `source` naming a known outlet fills the publisher (or agency) the text
    does not give; a web page's site name is its publisher, whatever a promo line in the text
    says (the text of a page republished from elsewhere names the first outlet).
    """
    metadata = document.metadata
    layout = parse_layout(document.raw_text, rules, title_hint=metadata.title)
    published_at, published_at_source = _publication_date(
        metadata.published_at, metadata.published_at_source, default_published_at, layout.dateline_date,
        metadata.fetched_at,
    )
    agency, publisher = layout.agency, layout.publisher
    if metadata.source:
        outlet = rules.outlet_for(metadata.source)
        from_page = metadata.input_format == "html"
        if outlet is None:
            publisher = metadata.source if from_page else publisher or metadata.source
        elif outlet.kind == "agency":
            agency = agency or outlet.name
        else:
            publisher = outlet.name if from_page else publisher or outlet.name
    return Article(
        article_id=document.article_id,
        source_uri=document.source_uri,
        external_id=metadata.external_id,
        url=metadata.url,
        raw_text=document.raw_text,
        title=layout.title,
        byline=layout.byline,
        dateline=layout.dateline,
        dateline_date_text=layout.dateline_date_text,
        agency=agency,
        publisher=publisher,
        published_at=published_at,
        published_at_source=published_at_source,
        language=language,
        body_start=layout.body_start,
        body_end=layout.body_end,
        word_count=len(_WORD.findall(document.raw_text, layout.body_start, layout.body_end)),
        segments=layout.segments,
        input_format=metadata.input_format,
    )


def _publication_date(
    from_metadata: datetime | None, metadata_source: str, from_run: datetime | None, from_dateline: date | None,
    fetched_at: datetime | None,
) -> tuple[datetime | None, str | None]:
    if from_metadata is not None:
        return from_metadata, metadata_source
    if from_run is not None:
        return from_run, "run"
    if from_dateline is not None:
        return datetime(from_dateline.year, from_dateline.month, from_dateline.day), "dateline"
    if fetched_at is not None:
        return fetched_at, "fetched"
    return None, None
