"""JSONL inputs: one article per line, `text` required; `id`, `title`, `published_at` (or `date`),
`source`, `url` and `language` optional. A bad line is an IngestError; the lines after it are read."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ingest.decoding import bom_encoding, check_text, check_unicode
from ingest.records import Document, IngestError, InputMetadata, InputRejected, article_id_for, unreadable

# A publication date this far after now is a typo or a placeholder (2999-01-01), not news.
FUTURE_TOLERANCE = timedelta(days=1)


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Document | IngestError]:
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
