"""WARC archives read as a stream: pages, skipped records and every bad record quarantined."""

import gzip
import zlib
from pathlib import Path

import pytest

from ingest.discovery import discover_inputs
from ingest.documents import read_documents
from ingest.records import IngestError, RawPage, SkippedRecord
from ingest.warc import gzip_members, read_warc
from tests.pages.templates import Record, Story, news_page, warc_bytes

LIMIT = 5 * 1024 * 1024
PAGE = news_page(Story("Flood waters rise in the delta", [
    "DHAKA (AFP) - Flood waters rose across the delta on Tuesday, officials said, forcing thousands from their homes.",
    "\"We have never seen the river this high,\" said a farmer who fled with his family to a school on higher ground.",
])).encode()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def kinds(items) -> list[str]:
    return [type(item).__name__ if not isinstance(item, IngestError) else f"error:{item.error_kind}" for item in items]


@pytest.mark.parametrize("gzipped", [True, False])
def test_each_html_response_is_a_page_and_every_other_record_is_skipped_and_said(tmp_path, gzipped):
    records = [
        Record("https://news.example/a", PAGE),
        Record("https://news.example/a", b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n", record_type="request"),
        Record("https://news.example/meta", b"fetchTimeMs: 120\r\n", record_type="metadata"),
        Record("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        Record("https://news.example/gone", b"<html><body>moved</body></html>", status="301 Moved Permanently"),
        Record("https://news.example/b", PAGE, content_encoding="gzip", chunked=True),
        Record("https://news.example/c", PAGE, content_encoding="deflate"),
        Record("https://news.example/d", PAGE, content_encoding="br", chunked=True),
    ]
    name = "crawl.warc.gz" if gzipped else "crawl.warc"
    items = list(read_warc(write(tmp_path, name, warc_bytes(records, gzipped=gzipped)), LIMIT))
    assert kinds(items) == ["RawPage", "SkippedRecord", "SkippedRecord", "SkippedRecord", "SkippedRecord",
                            "RawPage", "RawPage", "RawPage"]
    pages = [item for item in items if isinstance(item, RawPage)]
    assert all(page.payload == PAGE for page in pages)  # chunked, gzip, deflate and brotli decoded
    assert [page.target_uri for page in pages] == [f"https://news.example/{x}" for x in "abcd"]
    assert all(page.warc_record_id.startswith("<urn:uuid:") and page.http_charset == "utf-8" for page in pages)
    assert pages[0].fetched_at.isoformat() == "2026-11-30T12:00:00"
    skipped = [item.record_type for item in items if isinstance(item, SkippedRecord)]
    assert skipped == ["request", "metadata", "not HTML (image/png)", "HTTP status 301"]


def test_the_offset_in_a_source_uri_is_where_the_record_starts(tmp_path):
    data = warc_bytes([Record(f"https://news.example/{n}", PAGE) for n in range(3)])
    path = write(tmp_path, "x.warc.gz", data)
    for page in read_warc(path, LIMIT):
        offset = int(page.source_uri.rsplit("#offset=", 1)[1])
        member = zlib.decompressobj(31).decompress(data[offset:])
        assert member.startswith(b"WARC/1.1") and page.target_uri.encode() in member


def test_a_truncated_archive_keeps_the_records_before_the_cut(tmp_path):
    data = warc_bytes([Record(f"https://news.example/{n}", PAGE) for n in range(3)])
    items = list(read_warc(write(tmp_path, "cut.warc.gz", data[: len(data) - 200]), LIMIT))
    assert kinds(items) == ["RawPage", "RawPage", "error:corrupt_archive"]
    assert "truncated" in items[-1].message


def test_a_corrupt_member_is_one_error_and_the_next_members_load(tmp_path):
    members = [warc_bytes([Record(f"https://news.example/{n}", PAGE)]) for n in range(3)]
    broken = bytearray(members[1])
    broken[40:80] = b"\xff" * 40  # deflate data no decoder accepts
    items = list(read_warc(write(tmp_path, "bad.warc.gz", members[0] + bytes(broken) + members[2]), LIMIT))
    assert kinds(items) == ["RawPage", "error:corrupt_archive", "RawPage"]
    assert items[1].source_uri.endswith(f"#offset={len(members[0])}")
    assert items[2].target_uri == "https://news.example/2"


def test_a_malformed_warc_header_is_one_error_and_the_rest_loads(tmp_path):
    good = [warc_bytes([Record(f"https://news.example/{n}", PAGE)]) for n in range(2)]
    malformed = gzip.compress(b"this is not a WARC header\r\n\r\n")
    no_type = gzip.compress(b"WARC/1.1\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
    items = list(read_warc(write(tmp_path, "m.warc.gz", good[0] + malformed + no_type + good[1]), LIMIT))
    assert kinds(items) == ["RawPage", "error:corrupt_archive", "error:corrupt_archive", "RawPage"]
    assert "malformed WARC header" in items[1].message


def test_a_record_over_the_size_limit_is_quarantined_and_reading_goes_on(tmp_path):
    big = news_page(Story("Long", ["word " * 4000])).encode()
    data = warc_bytes([Record("https://news.example/big", big), Record("https://news.example/small", PAGE)])
    items = list(read_warc(write(tmp_path, "big.warc.gz", data), max_bytes=len(PAGE) + 2000))
    assert kinds(items) == ["error:too_large", "RawPage"]


def test_bytes_that_are_no_gzip_member_are_reported_then_skipped(tmp_path):
    data = warc_bytes([Record("https://news.example/a", PAGE)])
    items = list(read_warc(write(tmp_path, "junk.warc.gz", data + b"garbage between members" + data), LIMIT))
    assert kinds(items) == ["RawPage", "error:corrupt_archive", "RawPage"]


def test_gzip_members_are_decompressed_one_at_a_time(tmp_path):
    data = warc_bytes([Record(f"https://news.example/{n}", PAGE) for n in range(3)])
    with write(tmp_path, "x.warc.gz", data).open("rb") as handle:
        members = list(gzip_members(handle, LIMIT))
    assert [offset for offset, _ in members][0] == 0 and len(members) == 3
    assert all(isinstance(member, bytes) and member.startswith(b"WARC/") for _, member in members)


def test_an_empty_archive_is_quarantined(tmp_path):
    assert kinds(read_warc(write(tmp_path, "empty.warc.gz", b""), LIMIT)) == ["error:empty"]


def test_discovery_and_reading_take_html_files_and_archives(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "story.html", PAGE)
    write(folder, "story2.HTM", PAGE)
    write(folder, "crawl.warc.gz", warc_bytes([Record("https://news.example/a", PAGE)]))
    write(folder, "logo.png", b"\x89PNG")
    files, errors = discover_inputs([folder])
    assert sorted((f.path.name, f.kind) for f in files) == [("crawl.warc.gz", "warc"), ("story.html", "html"),
                                                            ("story2.HTM", "html")]
    assert [e.error_kind for e in errors] == ["unsupported_format"]
    items = list(read_documents(files, LIMIT))
    assert kinds(items) == ["RawPage", "RawPage", "RawPage"]
