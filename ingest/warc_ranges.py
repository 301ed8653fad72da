"""WARC archives read in byte ranges by the workers, so that the flow's own process only plans
(one look at each archive's size and first bytes) and loads.

A .warc.gz holds one gzip member per record, and a member's start is known only by reading up
to it. So an archive is cut into ranges of about `range_bytes` with no reading at all, and the
reader of a range finds its own first record: the first gzip header at or after its start that
inflates to "WARC/". It reads members from there, in order, and stops at the first member that
starts at or after its end and opens a record, which is where the next range's reader starts.
Every record is thus read once, by the range its member starts in; bytes that are no member, or a
corrupt member, belong to the range whose reader meets them, and are quarantined there as when
the archive is read whole. An archive that is not gzipped record by record (a plain .warc, one
gzip stream for the whole file) is one range: its first reader reads it all.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ingest.records import WarcRange, unreadable
from ingest.warc import (GZIP_MAGIC, PROBE_BYTES, READ_BYTES, WarcItem, gzip_members, member_items, opens_warc_member,
                         read_warc, skip_to_member)


def plan_ranges(path: Path, range_bytes: int) -> list[WarcRange]:
    """The ranges of the archive at `path`: of `range_bytes` each when it starts with a gzip
    member, else one range for the whole file (whose reader also reports a file it cannot read)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            gzipped = handle.read(len(GZIP_MAGIC)) == GZIP_MAGIC
    except OSError:
        return [WarcRange(path, 0, None)]
    if not gzipped or size <= range_bytes:
        return [WarcRange(path, 0, None)]
    return [WarcRange(path, start, min(start + range_bytes, size)) for start in range(0, size, range_bytes)]


def read_range(warc_range: WarcRange, max_bytes: int) -> Iterator[WarcItem]:
    """The records of the range, as `read_warc` gives them for the whole archive."""
    if warc_range.end is None:
        yield from read_warc(warc_range.path, max_bytes)
        return
    try:
        handle = warc_range.path.open("rb")
    except OSError as error:
        if warc_range.start == 0:  # said once for the archive, not once per range
            yield unreadable(warc_range.path, error)
        return
    with handle:
        handle.seek(warc_range.start)
        offset, buffer = first_record_member(handle, warc_range.start, handle.read(READ_BYTES))
        if buffer:
            members = gzip_members(handle, max_bytes, offset=offset, buffer=buffer, end=warc_range.end)
            yield from member_items(warc_range.path, members, max_bytes)


def first_record_member(handle: BinaryIO, offset: int, buffer: bytes) -> tuple[int, bytes]:
    """The offset of the first gzip member at or after `offset` that opens a WARC record, and
    the bytes from there (empty when there is none). At offset 0 that is the archive's start,
    whatever it holds: the first range reports bytes there that are no record."""
    if offset == 0:
        return 0, buffer
    while True:
        skipped, buffer = skip_to_member(handle, buffer)
        offset += skipped
        if not buffer:
            return offset, b""
        if len(buffer) < PROBE_BYTES:
            buffer += handle.read(READ_BYTES)
        if opens_warc_member(buffer):
            return offset, buffer
        offset, buffer = offset + 1, buffer[1:]
