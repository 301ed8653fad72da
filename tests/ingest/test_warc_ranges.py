"""WARC archives read in byte ranges: every record read once, by the range its member starts
in, and the same items, quarantine rows included, as reading the whole archive in order."""

import gzip
from pathlib import Path

import pytest

from ingest.html import range_documents
from ingest.records import Document, IngestError, RawPage, SkippedRecord, WarcRange
from ingest.warc import read_warc
from ingest.warc_ranges import plan_ranges, read_range
from tests.pages.templates import Record, Story, news_page, warc_bytes

LIMIT = 5 * 1024 * 1024
PAGE = news_page(Story("Flood waters rise in the delta", [
    "DHAKA (AFP) - Flood waters rose across the delta on Tuesday, officials said, forcing thousands from their homes.",
    "\"We have never seen the river this high,\" said a farmer who fled with his family to a school on higher ground.",
])).encode()


def members(n: int) -> list[bytes]:
    return [warc_bytes([Record(f"https://news.example/{k}", PAGE)]) for k in range(n)]


def corrupt(member: bytes) -> bytes:
    broken = bytearray(member)
    broken[40:80] = b"\xff" * 40  # deflate data no decoder accepts
    return bytes(broken)


def archives() -> dict[str, bytes]:
    """Archives with each kind of damage a reader must get past, between good records."""
    good = members(6)
    return {
        "clean": b"".join(good),
        "corrupt member": good[0] + good[1] + corrupt(good[2]) + b"".join(good[3:]),
        "junk between members": good[0] + good[1] + b"garbage between members" * 50 + b"".join(good[2:]),
        "not a WARC record": good[0] + gzip.compress(b"this is not a WARC header\r\n\r\n") + b"".join(good[1:]),
        "truncated": b"".join(good)[:-200],
        "other records": warc_bytes([Record("https://news.example/a", PAGE),
                                     Record("https://news.example/a", b"GET /a HTTP/1.1\r\n\r\n", record_type="request"),
                                     Record("https://news.example/b", PAGE)]) + good[5],
    }


def described(items) -> list[tuple]:
    return [(type(item).__name__, item.source_uri, getattr(item, "error_kind", None)) for item in items]


def ranges_read(path: Path, range_bytes: int) -> list:
    return [item for warc_range in plan_ranges(path, range_bytes) for item in read_range(warc_range, LIMIT)]


@pytest.mark.parametrize("name", sorted(archives()))
@pytest.mark.parametrize("range_bytes", [1, 97, 700, 1500, 4096])
def test_ranges_together_read_what_the_whole_archive_holds_once_each(tmp_path, name, range_bytes):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(archives()[name])
    whole = described(read_warc(path, LIMIT))
    assert any(kind == "RawPage" for kind, _, _ in whole)
    assert described(ranges_read(path, range_bytes)) == whole


def test_an_archive_is_cut_by_size_without_reading_its_records(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(members(6)))
    size = path.stat().st_size
    ranges = plan_ranges(path, 1000)
    assert ranges[0].start == 0 and ranges[-1].end == size and len(ranges) == -(-size // 1000)
    assert all(a.end == b.start for a, b in zip(ranges, ranges[1:]))
    assert plan_ranges(path, size) == [WarcRange(path, 0, None)]  # one range: read whole


def test_a_range_inside_one_member_reads_nothing(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    data = b"".join(members(2))
    path.write_bytes(data)
    assert list(read_range(WarcRange(path, 5, 50), LIMIT)) == []


@pytest.mark.parametrize("data", [warc_bytes([Record(f"https://news.example/{k}", PAGE) for k in range(4)],
                                             gzipped=False),
                                  gzip.compress(warc_bytes([Record(f"https://news.example/{k}", PAGE)
                                                            for k in range(4)], gzipped=False))],
                         ids=["plain", "one gzip stream"])
def test_an_archive_not_gzipped_record_by_record_is_read_whole_by_its_first_range(tmp_path, data):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    read = ranges_read(path, 500)
    assert [type(item) for item in read] == [RawPage] * 4
    assert described(read) == described(read_warc(path, LIMIT))


def test_a_missing_archive_is_one_quarantine_row(tmp_path):
    missing = tmp_path / "gone.warc.gz"
    assert [item.error_kind for item in ranges_read(missing, 100)] == ["unreadable"]
    assert list(read_range(WarcRange(missing, 100, 200), LIMIT)) == []  # said by the first range only


def test_a_range_hands_back_documents_with_the_seconds_of_reading_and_extracting(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes([Record("https://news.example/a", PAGE),
                                 Record("https://news.example/a", b"GET /a HTTP/1.1\r\n\r\n", record_type="request"),
                                 Record("https://news.example/b", b"<html><body><p>Menu</p></body></html>")]))
    items, seconds = range_documents(WarcRange(path, 0, None), LIMIT, fast=False)
    assert [type(item) for item in items] == [Document, SkippedRecord, IngestError]
    assert items[0].metadata.target_uri == "https://news.example/a"
    assert items[0].raw_text.startswith("Flood waters rise in the delta")
    assert items[2].error_kind == "no_main_text"
    assert set(seconds) == {"warc", "html"} and all(value >= 0 for value in seconds.values())
