"""Input discovery and decoding: files and JSONL records in, Documents or IngestErrors out."""

from __future__ import annotations

import codecs
import hashlib
import io
import itertools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
WARC_SUFFIXES = (".warc", ".warc.gz")
# Share of control characters (other than tab, newline, carriage return, form feed)
# above which decoded text is treated as binary rather than as an article.
MAX_CONTROL_CHAR_SHARE = 0.05
NUL = b"\x00"
SURROGATE = re.compile("[\ud800-\udfff]")
# A publication date this far after now is a typo or a placeholder (2999-01-01), not news.
FUTURE_TOLERANCE = timedelta(days=1)


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


@dataclass(frozen=True)
class Document:
    """An article exactly as decoded; every offset in the warehouse points into raw_text."""

    article_id: str
    source_uri: str
    raw_text: str
    metadata: InputMetadata

    def input_row(self) -> tuple[str, str, str | None, str | None, datetime | None]:
        """The article_inputs row of this input: article, source, WARC record, URL, fetch time."""
        meta = self.metadata
        return self.article_id, self.source_uri, meta.warc_record_id, meta.target_uri, meta.fetched_at


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


# Byte order marks and their encodings; UTF-32's little-endian mark starts with UTF-16's, so it
# is tried first.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def bom_encoding(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding a byte order mark at the start names, or None."""
    return next((encoding for bom, encoding in BOMS if data.startswith(bom)), None)


def decode_text(data: bytes, max_bytes: int) -> str:
    """Decode article bytes as UTF-8 (a BOM is dropped), or as UTF-16 or UTF-32 when a byte
    order mark says so, refusing what is not an article."""
    if len(data) > max_bytes:
        raise InputRejected("too_large", f"{len(data):,} bytes is over the limit of {max_bytes:,} bytes")
    if not data.strip():
        raise InputRejected("empty", "the input holds no text" if data else "the input is empty (0 bytes)")
    encoding = bom_encoding(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise InputRejected("undecodable", f"not valid {encoding.upper()} after its byte order mark: "
                                               f"{error.reason} at byte {error.start}") from None
        check_text(text)
        return text
    if NUL in data:
        raise InputRejected("binary", f"NUL byte at position {data.index(NUL)}: binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputRejected(
            "undecodable",
            f"not valid UTF-8: byte 0x{data[error.start]:02x} at position {error.start} ({error.reason})",
        ) from None
    check_text(text)
    return text


def check_unicode(value: str, field: str) -> None:
    """Refuse a lone surrogate (JSON can escape one, "\\ud800"): it is no character, and no
    UTF-8 (the warehouse's encoding) can hold it."""
    surrogate = SURROGATE.search(value)
    if surrogate:
        raise InputRejected("undecodable", f"{field} holds a lone surrogate U+{ord(surrogate.group()):04X} "
                                           f"at position {surrogate.start()}: not valid Unicode")


def check_text(text: str) -> None:
    """Refuse decoded text that is blank, mostly control characters, or not valid Unicode."""
    check_unicode(text, "the text")
    if not text.strip():
        raise InputRejected("empty", "the input holds only whitespace")
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f")
    if controls > MAX_CONTROL_CHAR_SHARE * len(text):
        raise InputRejected("binary", f"{controls} of {len(text)} characters are control characters")


InputItem = Document | IngestError | RawPage | SkippedRecord


def unreadable(path: Path, error: OSError) -> IngestError:
    """The quarantine row of a file the operating system would not let us read."""
    return IngestError(str(path), "unreadable", f"cannot read the file: {error.strerror or error}")


def read_documents(files: Iterable[InputFile], max_bytes: int) -> Iterator[InputItem]:
    """Stream what the files hold, one item at a time: Documents, HTML pages whose text is
    still to be extracted, WARC records skipped, and the reason each bad input failed."""
    from transforms.warc import read_warc  # the WARC reader needs this module's records

    for input_file in files:
        if input_file.kind == "jsonl":
            yield from _read_jsonl(input_file.path, max_bytes)
        elif input_file.kind == "warc":
            yield from read_warc(input_file.path, max_bytes)
        elif input_file.kind == "html":
            yield _read_html_file(input_file.path, max_bytes)
        else:
            yield _read_text_file(input_file.path, max_bytes)


def _read_html_file(path: Path, max_bytes: int) -> RawPage | IngestError:
    source_uri = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return IngestError(source_uri, "too_large", f"{size:,} bytes is over the limit of {max_bytes:,} bytes")
        payload = path.read_bytes()
    except OSError as error:
        return unreadable(path, error)
    if not payload.strip():
        return IngestError(source_uri, "empty", "the page is empty")
    return RawPage(source_uri, payload)


def _read_text_file(path: Path, max_bytes: int) -> Document | IngestError:
    source_uri = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return IngestError(source_uri, "too_large", f"{size:,} bytes is over the limit of {max_bytes:,} bytes")
        text = decode_text(path.read_bytes(), max_bytes)
    except InputRejected as error:
        return IngestError(source_uri, error.error_kind, str(error))
    except OSError as error:
        return unreadable(path, error)
    return Document(article_id_for(text), source_uri, text, InputMetadata())


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Document | IngestError]:
    try:
        handle = path.open("rb")
    except OSError as error:
        yield unreadable(path, error)
        return
    with handle:
        encoding = bom_encoding(handle.peek(4)[:4])
        lines = (_as_utf8(io.TextIOWrapper(handle, encoding=encoding, errors="replace"))
                 if encoding else handle)
        texts_by_id: dict[str, tuple[str, int]] = {}  # record uri -> (article id, line) of its first text
        for line_number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            record = parse_jsonl_record(line, f"{path}#line{line_number}", str(path), max_bytes)
            if isinstance(record, Document) and record.metadata.external_id is not None:
                first = texts_by_id.setdefault(record.source_uri, (record.article_id, line_number))
                if first[0] != record.article_id:
                    record = IngestError(f"{path}#line{line_number}", "duplicate_id",
                                         f"id {record.metadata.external_id!r} is already used on line {first[1]} "
                                         f"by a different text")
            yield record


def _as_utf8(lines: Iterable[str]) -> Iterator[bytes]:
    for line in lines:
        yield line.encode("utf-8")


def parse_jsonl_record(line: bytes, line_uri: str, file_uri: str, max_bytes: int) -> Document | IngestError:
    """One JSONL line to a Document: `text` is required; `id`, `title`, `published_at`
    (or `date`), `source` and `url` are optional."""
    uri = line_uri
    try:
        if len(line) > max_bytes:
            raise InputRejected("too_large", f"{len(line):,} bytes is over the limit of {max_bytes:,} bytes")
        try:
            record = json.loads(line.decode("utf-8-sig"))
        except UnicodeDecodeError as error:
            raise InputRejected("undecodable", f"not valid UTF-8 at byte {error.start} ({error.reason})") from None
        except json.JSONDecodeError as error:
            raise InputRejected("invalid_json", f"not valid JSON ({error.msg}, column {error.colno})") from None
        if not isinstance(record, dict):
            raise InputRejected("invalid_record", f"expected a JSON object, got {type(record).__name__}")
        external_id = record.get("id")
        check_unicode(str(external_id), "field 'id'")
        uri = f"{file_uri}#{external_id}" if external_id not in (None, "") else line_uri
        text = record.get("text")
        if not isinstance(text, str):
            raise InputRejected("invalid_record", "the record has no string field 'text'")
        check_text(text)
        metadata = InputMetadata(
            external_id=None if external_id is None else str(external_id),
            title=_optional_str(record, "title"),
            published_at=parse_timestamp(record.get("published_at") or record.get("date")),
            source=_optional_str(record, "source"),
            url=_optional_str(record, "url"),
            language=_optional_str(record, "language"),
            input_format="jsonl",
        )
    except InputRejected as error:
        return IngestError(uri, error.error_kind, str(error))
    return Document(article_id_for(text), uri, text, metadata)


def _optional_str(record: dict, key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputRejected("invalid_record", f"field '{key}' must be a string, got {type(value).__name__}")
    check_unicode(value, f"field '{key}'")
    return value


def parse_timestamp(value: object) -> datetime | None:
    """A publication date from metadata: ISO 8601 date or datetime, returned as naive UTC."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputRejected("invalid_record", f"published_at must be an ISO 8601 string, got {value!r}")
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InputRejected("invalid_record", f"published_at is not an ISO 8601 date: {value!r}") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    latest = datetime.now(timezone.utc).replace(tzinfo=None) + FUTURE_TOLERANCE
    if parsed > latest:
        raise InputRejected("invalid_record", f"published_at {value.strip()!r} is in the future "
                                              f"(more than a day after {latest - FUTURE_TOLERANCE:%Y-%m-%d %H:%M} UTC)")
    return parsed


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to `size` items from a stream, without reading ahead of the batch."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
