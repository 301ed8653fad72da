"""The records ingest produces: the files to read, Documents with their provenance, HTML pages
still to be extracted, WARC records skipped, and the reason an input failed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
WARC_SUFFIXES = (".warc", ".warc.gz")
AS_GIVEN = "as given"  # the text extractor of text and JSONL inputs: their text is the article


@dataclass(frozen=True)
class InputFile:
    """One file to read: plain text or an HTML page (one article), JSONL (one article per
    line) or a WARC archive (one article per HTML response record)."""

    path: Path
    kind: str  # txt | jsonl | html | warc


def input_kind(path: Path) -> str | None:
    """The kind of input a file name says it is, or None for a format wirehouse does not read."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "txt"
    return None


@dataclass(frozen=True)
class InputMetadata:
    """What the input says about an article beside its text (JSONL fields)."""

    external_id: str | None = None
    title: str | None = None
    published_at: datetime | None = None
    source: str | None = None
    url: str | None = None
    published_at_source: str = "metadata"  # metadata (a JSONL field) | page (the page's own metadata)
    language: str | None = None  # as the input declares it (JSONL `language`)
    input_format: str = "txt"  # txt | jsonl | html
    # where a page came from (a WARC record): its id, the URL fetched and when
    warc_record_id: str | None = None
    target_uri: str | None = None
    fetched_at: datetime | None = None
    text_extractor: str = AS_GIVEN  # what produced the text: an HTML extractor, or the input itself


@dataclass(frozen=True)
class Document:
    """An article exactly as decoded; every offset in the warehouse points into raw_text."""

    article_id: str
    source_uri: str
    raw_text: str
    metadata: InputMetadata

    def input_row(self) -> InputRow:
        """The article_inputs row of this input: article, source, WARC record, URL, fetch time."""
        meta = self.metadata
        return InputRow(self.article_id, self.source_uri, meta.warc_record_id, meta.target_uri, meta.fetched_at,
                        meta.text_extractor)


class InputRow(NamedTuple):
    """One input an article was read from (a row of `article_inputs` before its run id); for a
    WARC record also its id, the URL fetched and when."""

    article_id: str
    source_uri: str
    warc_record_id: str | None = None
    target_uri: str | None = None
    fetched_at: datetime | None = None
    text_extractor: str | None = None


@dataclass(frozen=True)
class RawPage:
    """An HTML page as read, before its main text is extracted (in a worker): the bytes, the
    charset its HTTP header names, and where it came from."""

    source_uri: str
    payload: bytes
    http_charset: str | None = None
    target_uri: str | None = None
    warc_record_id: str | None = None
    fetched_at: datetime | None = None


@dataclass(frozen=True)
class WarcRange:
    """A byte range of a WARC archive, planned by the flow and read by a worker: the records
    whose gzip member starts in [start, end). `end` None: the whole archive, read in order (an
    archive that is not one gzip member per record cannot be split)."""

    path: Path
    start: int
    end: int | None


@dataclass(frozen=True)
class SkippedRecord:
    """A WARC record that holds no article (a request, metadata, a revisit, an image): counted."""

    source_uri: str
    record_type: str


@dataclass(frozen=True)
class IngestError:
    """An input that could not become a Document, with the reason in plain words."""

    source_uri: str
    # not_found | unsupported_format | empty | binary | undecodable | too_large | invalid_json |
    # invalid_record | unreadable, or, for an article read but failed later: layout | parse | extract
    error_kind: str
    message: str
    article_id: str | None = None  # the article's id when it was read but failed later


class InputRejected(ValueError):
    """Raised by the decoding functions; carries the error kind for the quarantine row."""

    def __init__(self, error_kind: str, message: str):
        super().__init__(message)
        self.error_kind = error_kind


def article_id_for(raw_text: str) -> str:
    """Stable article id: the first 16 hex digits of the SHA-256 of the UTF-8 text."""
    return hashlib.sha256(raw_text.encode("utf-8")).hexdigest()[:16]


InputItem = Document | IngestError | RawPage | SkippedRecord
# What the flow's reader yields when workers read the archives: ranges in place of their records.
PlannedItem = InputItem | WarcRange


def unreadable(path: Path, error: OSError) -> IngestError:
    """The quarantine row of a file the operating system would not let us read."""
    return IngestError(str(path), "unreadable", f"cannot read the file: {error.strerror or error}")
