"""Reading the inputs: every file the discovery found becomes a stream of Documents, HTML pages
still to be extracted, WARC records skipped, and the reason each bad input failed."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path

from ingest.decoding import decode_text
from ingest.jsonl import read_jsonl
from ingest.records import (Document, IngestError, InputFile, InputMetadata, InputRejected, PlannedItem,
                            RawPage, article_id_for, unreadable)
from ingest.warc import read_warc
from ingest.warc_ranges import plan_ranges


def read_documents(files: Iterable[InputFile], max_bytes: int,
                   warc_range_bytes: int | None = None) -> Iterator[PlannedItem]:
    """Stream what the files hold, one item at a time: Documents, HTML pages whose text is
    still to be extracted, WARC records skipped, and the reason each bad input failed. With
    `warc_range_bytes`, a WARC archive is not read here but planned: its byte ranges, for the
    workers to read."""
    for input_file in files:
        if input_file.kind == "jsonl":
            yield from read_jsonl(input_file.path, max_bytes)
        elif input_file.kind == "warc" and warc_range_bytes:
            yield from plan_ranges(input_file.path, warc_range_bytes)
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


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to `size` items from a stream, without reading ahead of the batch."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
