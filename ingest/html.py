"""HTML pages to Documents: the charset settled, the main text and the page's metadata taken
with trafilatura, and the text laid out as a plain-text article (title, byline, body) so that
every offset the extractors give points into the Document's raw_text.

The charset is the one the HTTP header names, else the page's meta tag, else detected (UTF-8
when the bytes are valid UTF-8, else charset_normalizer's guess); a charset that cannot decode
the bytes gives way to the next.
"""

from __future__ import annotations

import codecs
import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import trafilatura
from charset_normalizer import from_bytes
from trafilatura.utils import load_html

from ingest.decoding import check_text
from ingest.deep_pages import LXML_MAX_DEPTH, deeper_than_lxml, read_deep_page
from ingest.jsonl import parse_timestamp
from ingest.page_metadata import page_metadata
from ingest.records import (Document, IngestError, InputMetadata, InputRejected, RawPage, SkippedRecord, WarcRange,
                            article_id_for)
from ingest.warc_ranges import read_range

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
META_SCAN_BYTES = 4096
_CODE = re.compile(r"(<(?:script(?![^>]*ld\+json)|style)\b[^>]*>)(.*?)(</(?:script|style)\s*>)", re.I | re.S)
MIN_BODY_CHARS = 20
# The publication date from the page's markup and metadata only: htmldate's extensive search
# guesses from any date in the text (a copyright line gives "2025-12-31").
DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
logging.getLogger("trafilatura").setLevel(logging.ERROR)  # per-page chatter, not problems
logging.getLogger("htmldate").setLevel(logging.ERROR)


DEEP_PAGE_EXTRACTOR = "deep page paragraphs"
# What a WARC range's records become: an article, a quarantine row, or a record skipped.
RangeItem = Document | IngestError | SkippedRecord


def trafilatura_name(fast: bool) -> str:
    """How article_inputs.text_extractor names trafilatura, with its version and mode."""
    return f"trafilatura {trafilatura.__version__}" + (" fast" if fast else "")


@dataclass(frozen=True)
class PageText:
    """What an extractor found in a page, and which extractor it was."""

    body: str
    title: str | None
    author: str | None
    date: str | None
    site_name: str | None
    url: str | None
    extractor: str


def decode_page(payload: bytes, http_charset: str | None) -> str:
    """The page as text: the HTTP header's charset, else the meta tag's, else a detected one."""
    meta = _META_CHARSET.search(payload[:META_SCAN_BYTES])
    meta_charset = meta.group(1).decode("ascii", "replace") if meta else None
    if meta_charset and meta_charset.lower().startswith("utf-16"):
        meta_charset = "utf-8"  # a meta tag read as ASCII cannot be UTF-16 (the HTML standard's rule)
    declared = [("the HTTP header", http_charset), ("the meta tag", meta_charset)]
    tried = []
    for where, name in declared:
        if not name:
            continue
        try:
            return payload.decode(codecs.lookup(name).name)
        except LookupError:
            tried.append(f"{where} names an unknown charset {name!r}")
        except UnicodeDecodeError as error:
            tried.append(f"{where}'s {name} fails at byte {error.start}")
    try:  # detection, cheap case first: bytes that are valid UTF-8 are UTF-8 in all but name
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        pass
    detected = from_bytes(payload).best()
    if detected is not None:
        return str(detected)
    reasons = "; ".join(tried) or "no charset is declared"
    raise InputRejected("undecodable", f"cannot decode the page: {reasons}, and none was detected")


def without_scripts(html: str) -> str:
    """The page with the code of its scripts and styles emptied (JSON-LD kept: it holds the
    metadata): trafilatura drops them anyway, but only after its metadata search has scanned
    them, which on a page with 40 KB of inline code was half its time."""
    return _CODE.sub(r"\1\3", html)


def main_text(html: str, url: str | None, fast: bool) -> PageText | None:
    """The page's main text and metadata, or None when it has none. The page is parsed once:
    its metadata is read from the tree, then trafilatura takes the main text from it."""
    tree = load_html(without_scripts(html))
    if tree is None:
        return None
    meta = page_metadata(tree, url, DATE_PARAMS)
    found = trafilatura.bare_extraction(tree, url=url, fast=fast, include_comments=False, include_tables=True,
                                        with_metadata=False)
    if found is None or not (found.text or "").strip():
        return None
    return PageText(found.text, _clean(meta.title), _clean(meta.author), meta.date, _clean(meta.site_name),
                    meta.url or url, trafilatura_name(fast))


def too_deep_for_lxml(html: str, url: str | None) -> PageText | None:
    """The text of a page nested deeper than lxml reads (trafilatura would see only its first
    256 levels), paragraph by paragraph; None when the page is not that deep after all."""
    deep = read_deep_page(html)
    if deep.max_depth <= LXML_MAX_DEPTH or not deep.paragraphs:
        return None
    return PageText("\n".join(deep.paragraphs), deep.title or None, None, None, None, url, DEEP_PAGE_EXTRACTOR)


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None


def compose_text(page: PageText) -> str | None:
    """The article as the text path reads one: title, "By" byline, then the body's paragraphs,
    each separated by a blank line. The page's own heading and byline, when the main text
    repeats them first, are not written twice. None when no body is left (a page whose "main
    text" is its title or a menu item)."""
    paragraphs = [line.strip() for line in page.body.splitlines() if line.strip()]
    repeated = {_key(page.title), _key(page.author), _key(f"By {page.author}")} - {""}
    while paragraphs and _key(paragraphs[0]) in repeated:
        paragraphs.pop(0)
    if sum(len(p) for p in paragraphs) < MIN_BODY_CHARS:
        return None
    head = [page.title] if page.title else []
    if page.author:
        head.append(f"By {page.author}")
    return "\n\n".join([*head, *paragraphs]) + "\n"


def _key(value: str | None) -> str:
    return " ".join((value or "").casefold().split())


def page_published_at(page: PageText) -> datetime | None:
    """The page's publication date, when its metadata gives one that is not in the future (a
    guess from the page, unlike a date a user gave, is dropped rather than refused)."""
    try:
        return parse_timestamp(page.date)
    except InputRejected:
        return None


def page_document(page: RawPage, fast: bool = False) -> Document:
    """One page to a Document, or InputRejected with the reason."""
    html = decode_page(page.payload, page.http_charset)
    deep = too_deep_for_lxml(html, page.target_uri) if deeper_than_lxml(html) else None
    found = deep or main_text(html, page.target_uri, fast)
    text = compose_text(found) if found is not None else None
    if text is None:
        raise InputRejected("no_main_text", "the page has no main text (navigation or an empty template only)")
    check_text(text)
    published_at = page_published_at(found)
    metadata = InputMetadata(
        title=found.title, published_at=published_at, source=found.site_name, url=found.url or page.target_uri,
        published_at_source="page", input_format="html", warc_record_id=page.warc_record_id,
        target_uri=page.target_uri, fetched_at=page.fetched_at, text_extractor=found.extractor,
    )
    return Document(article_id_for(text), page.source_uri, text, metadata)


def page_result(page: RawPage, fast: bool = False) -> Document | IngestError:
    """The page's Document, or its quarantine row: one page's failure is never the batch's."""
    try:
        return page_document(page, fast)
    except InputRejected as error:
        return IngestError(page.source_uri, error.error_kind, str(error))
    except Exception as error:
        first = next((line for line in str(error).splitlines() if line.strip()), "")
        return IngestError(page.source_uri, "html", f"cannot extract the page's text: "
                                                    f"{type(error).__name__}: {first}"[:500])


def pages_to_documents(pages: Sequence[RawPage], fast: bool = False) -> tuple[list[Document | IngestError], float]:
    """Every page's Document or quarantine row, in order, and the seconds it took."""
    started = time.perf_counter()
    results = [page_result(page, fast) for page in pages]
    return results, time.perf_counter() - started


def range_documents(warc_range: WarcRange, max_bytes: int, fast: bool) -> tuple[list[RangeItem], dict[str, float]]:
    """The range's records read and each HTML page turned into its Document (or quarantine
    row), in order, with the seconds spent reading the archive and extracting the pages."""
    items: list[RangeItem] = []
    html_seconds = 0.0
    started = time.perf_counter()
    for item in read_range(warc_range, max_bytes):
        if isinstance(item, RawPage):
            converting = time.perf_counter()
            items.append(page_result(item, fast))
            html_seconds += time.perf_counter() - converting
        else:
            items.append(item)
    return items, {"warc": time.perf_counter() - started - html_seconds, "html": html_seconds}
