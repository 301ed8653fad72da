"""WARC archives (1.0 and 1.1, plain or gzipped) read as a stream: one RawPage per HTML
response record, a SkippedRecord for every other record, an IngestError for every record that
cannot be read, and the rest of the archive read on.

A .warc.gz is a series of gzip members, one record each (as CC-NEWS writes them). Members are
decompressed here one at a time with a size limit, so a 1 GB archive is never held in memory,
a truncated or corrupt member becomes one quarantine row and reading resumes at the next
member. warcio parses each member's record (WARC headers, HTTP headers, chunked transfer and
gzip, deflate or brotli content encodings).
"""

from __future__ import annotations

import dataclasses
import io
import re
import zlib
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

import brotli
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader
from warcio.recordloader import ArcWarcRecord

from ingest.records import IngestError, RawPage, SkippedRecord, unreadable

GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_START = b"WARC/"
READ_BYTES = 1 << 20
# Compressed bytes enough to inflate a member's first few bytes (its header and first block's codes).
PROBE_BYTES = 16 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_LOOKS_LIKE_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)", re.I | re.S)

WarcItem = RawPage | SkippedRecord | IngestError


class _BrotliDecompressor:
    """The decompressor interface warcio expects (decompress, unused_data), over brotli 1.x,
    whose Decompressor has `process` and takes no attributes: warcio 1.8's own brotli hook
    fails on it, so brotli-encoded pages would not decode."""

    unused_data = None

    def __init__(self) -> None:
        self._decompressor = brotli.Decompressor()

    def decompress(self, data: bytes) -> bytes:
        return self._decompressor.process(data)


BufferedReader.DECOMPRESSORS["br"] = _BrotliDecompressor


def read_warc(path: Path, max_bytes: int) -> Iterator[WarcItem]:
    """Every record of the archive at `path`, in order (gzipped or not: its first bytes say)."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield unreadable(path, error)
        return
    with handle:
        start = handle.read(len(GZIP_MAGIC))
        handle.seek(0)
        if not start:
            yield IngestError(str(path), "empty", "the archive is empty (0 bytes)")
        elif start == GZIP_MAGIC:
            yield from member_items(path, gzip_members(handle, max_bytes), max_bytes)
        else:
            yield from records_of(handle, path, max_bytes)


def member_items(path: Path, members: Iterator[tuple[int, bytes | str]], max_bytes: int) -> Iterator[WarcItem]:
    """The records of each gzip member in turn, or the member's quarantine row."""
    for offset, member in members:
        if isinstance(member, str):
            yield IngestError(f"{path}#offset={offset}", member_error_kind(member), member)
        else:
            yield from records_of(io.BytesIO(member), path, max_bytes, member_offset=offset)


def member_error_kind(message: str) -> str:
    return "too_large" if "over the limit" in message else "corrupt_archive"


def opens_warc_member(data: bytes) -> bool:
    """Whether `data` starts with a gzip member whose first decompressed bytes are a WARC
    record's ("WARC/"): where a reader dropped at any byte of a .warc.gz may start. Random
    compressed bytes pass the 3-byte gzip magic about once in 16 MB; none also inflate to this."""
    if not data.startswith(GZIP_MAGIC):
        return False
    try:
        return zlib.decompressobj(31).decompress(data[:PROBE_BYTES], len(WARC_START)) == WARC_START
    except zlib.error:
        return False


def gzip_members(handle: BinaryIO, max_bytes: int, offset: int = 0, buffer: bytes = b"",
                 end: int | None = None) -> Iterator[tuple[int, bytes | str]]:
    """(file offset, decompressed bytes) of each gzip member, or (offset, why it is unreadable).
    A corrupt member is skipped up to the next gzip header; a member over `max_bytes` is
    decompressed to its end without being kept. The handle is read on from `offset`, whose first
    bytes, already read, are `buffer`. With `end`, the members stop at the first one that starts
    at or after `end` and opens a WARC record: where the next byte range's reader starts."""
    while True:
        if not buffer:
            buffer = handle.read(READ_BYTES)
            if not buffer:
                return
        if end is not None and offset >= end:
            if len(buffer) < PROBE_BYTES:
                buffer += handle.read(READ_BYTES)
            if opens_warc_member(buffer):
                return
        if not buffer.startswith(GZIP_MAGIC):
            skipped, buffer = skip_to_member(handle, buffer)
            yield offset, f"{skipped:,} bytes that are no gzip member (not a .warc.gz record)"
            offset += skipped
            continue
        start = offset
        decompressor = zlib.decompressobj(31)
        kept, size = bytearray(), 0
        try:
            while not decompressor.eof:
                if not buffer:
                    buffer = handle.read(READ_BYTES)
                    if not buffer:
                        yield start, "the archive ends inside this gzip member: truncated"
                        return
                output = decompressor.decompress(buffer, READ_BYTES)
                rest = decompressor.unused_data if decompressor.eof else decompressor.unconsumed_tail
                offset += len(buffer) - len(rest)
                buffer = rest
                size += len(output)
                if size <= max_bytes:
                    kept += output
        except zlib.error as error:
            handle.seek(start + 1)  # look for the next member from the byte after this one's start
            skipped, buffer = skip_to_member(handle, handle.read(READ_BYTES))
            offset = start + 1 + skipped
            yield start, f"corrupt gzip member ({error}); resumed at the next member, byte {offset:,}"
            continue
        if size > max_bytes:
            yield start, f"record of {size:,} bytes is over the limit of {max_bytes:,} bytes"
        else:
            yield start, bytes(kept)


def skip_to_member(handle: BinaryIO, buffer: bytes) -> tuple[int, bytes]:
    """Read on to the next gzip header: (bytes skipped, the buffer starting at it, or empty)."""
    skipped = 0
    while True:
        found = buffer.find(GZIP_MAGIC)
        if found >= 0:
            return skipped + found, buffer[found:]
        keep = len(GZIP_MAGIC) - 1  # a header split across two reads
        skipped += max(len(buffer) - keep, 0)
        more = handle.read(READ_BYTES)
        if not more:
            return skipped + min(len(buffer), keep), b""
        buffer = buffer[-keep:] + more if len(buffer) >= keep else buffer + more


def records_of(stream: BinaryIO, path: Path, max_bytes: int, member_offset: int | None = None) -> Iterator[WarcItem]:
    """The records of an uncompressed WARC stream: a whole .warc (each record's offset is its
    own), or one gzip member (its records carry the member's offset, where a reader seeks)."""
    records = ArchiveIterator(stream)
    offset = member_offset or 0
    try:
        for record in records:
            item = record_item(record, "", max_bytes)  # the payload is read before the offset is asked:
            # warcio reads a record to its end to give its offset
            offset = records.get_record_offset() if member_offset is None else member_offset
            yield dataclasses.replace(item, source_uri=f"{path}#offset={offset}")
    except Exception as error:  # warcio's ArchiveLoadFailed and what a broken stream raises
        yield IngestError(f"{path}#offset={offset}", "corrupt_archive", f"malformed WARC record: {_first_line(error)}")


def record_item(record: ArcWarcRecord, source_uri: str, max_bytes: int) -> WarcItem:
    """A response record with an HTML payload becomes a RawPage; any other record is skipped;
    a record that is not WARC at all is an error."""
    if record.format != "warc" or not record.rec_type:
        return IngestError(source_uri, "corrupt_archive", "malformed WARC header: not a WARC/1.x record with a "
                                                          "WARC-Type")
    if record.rec_type != "response":
        return SkippedRecord(source_uri, record.rec_type)
    target = record.rec_headers.get_header("WARC-Target-URI") or ""
    if record.http_headers is None:
        if target.lower().startswith(("http:", "https:")):
            return IngestError(source_uri, "corrupt_archive", "response record without an HTTP response in it")
        return SkippedRecord(source_uri, f"not an HTTP response ({target.split(':')[0] or 'no target'})")
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return SkippedRecord(source_uri, f"HTTP status {status or 'missing'}")
    if record.length is not None and record.length > max_bytes + 65536:
        return IngestError(source_uri, "too_large", f"record of {record.length:,} bytes is over the limit "
                                                    f"of {max_bytes:,} bytes")
    content_type = record.http_headers.get_header("Content-Type") or ""
    try:
        payload = record.content_stream().read(max_bytes + 1)
    except Exception as error:
        return IngestError(source_uri, "undecodable", f"cannot decode the HTTP payload: {_first_line(error)}")
    if len(payload) > max_bytes:
        return IngestError(source_uri, "too_large", f"payload over the limit of {max_bytes:,} bytes")
    if not _is_html(content_type, payload):
        return SkippedRecord(source_uri, f"not HTML ({content_type.split(';')[0].strip() or 'no content type'})")
    headers = record.rec_headers
    charset = _CHARSET.search(content_type)
    return RawPage(source_uri, payload, http_charset=charset.group(1) if charset else None,
                   target_uri=headers.get_header("WARC-Target-URI"),
                   warc_record_id=headers.get_header("WARC-Record-ID"),
                   fetched_at=parse_warc_date(headers.get_header("WARC-Date")))


def _is_html(content_type: str, payload: bytes) -> bool:
    media_type = content_type.split(";")[0].strip().lower()
    if media_type:
        return media_type in HTML_TYPES
    return bool(_LOOKS_LIKE_HTML.match(payload[:2048]))


def parse_warc_date(value: str | None) -> datetime | None:
    """WARC-Date (ISO 8601 in UTC, "2026-11-30T12:00:00Z") as naive UTC; None when absent or bad."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(timezone.utc).replace(tzinfo=None) if parsed.tzinfo else parsed


def _first_line(error: BaseException) -> str:
    text = next((line for line in str(error).splitlines() if line.strip()), "")
    return f"{type(error).__name__}: {text}"[:300]
