"""Decoding and discovery: every bad input becomes an IngestError with a reason, never a crash."""

from __future__ import annotations

import json
import os
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.decoding import decode_text
from ingest.discovery import discover_inputs
from ingest.documents import read_documents
from ingest.jsonl import parse_jsonl_record
from ingest.records import Document, IngestError, InputRejected, article_id_for
from tests.conftest import FIXTURES_DIR

LIMIT = 10_000


@pytest.mark.parametrize(
    ("data", "error_kind"),
    [
        pytest.param(b"", "empty", id="zero-bytes"),
        pytest.param(b"  \n\t\n", "empty", id="whitespace"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", id="png-header"),
        pytest.param(b"caf\xe9 au lait", "undecodable", id="latin-1"),
        pytest.param(b"x" * (LIMIT + 1), "too_large", id="over-limit"),
        pytest.param(b"\x01\x02\x03\x04 text", "binary", id="control-characters"),
    ],
)
def test_decode_text_refuses_what_is_not_an_article(data, error_kind):
    with pytest.raises(InputRejected) as raised:
        decode_text(data, LIMIT)
    assert raised.value.error_kind == error_kind
    assert str(raised.value)


def test_decode_text_drops_the_bom_and_keeps_everything_else():
    assert decode_text("\ufeffCafé\r\nsaid".encode("utf-8"), LIMIT) == "Café\r\nsaid"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded(encoding):
    text = "Le président a dit « non » à Genève.\n"
    data = ("\ufeff" + text).encode(encoding) if encoding.endswith("-be") else text.encode(encoding)
    assert decode_text(data, LIMIT) == text


def test_utf16_jsonl_is_read_line_by_line(tmp_path):
    path = tmp_path / "wide.jsonl"
    lines = [json.dumps({"id": "a", "text": "Première dépêche."}), json.dumps({"id": "b", "text": "Second wire."})]
    path.write_bytes("\n".join(lines).encode("utf-16"))
    documents = list(read_documents(discover_inputs([path])[0], LIMIT))
    assert [d.raw_text for d in documents] == ["Première dépêche.", "Second wire."]


def test_the_same_jsonl_id_with_another_text_is_quarantined(tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [{"id": "x", "text": "First text."}, {"id": "x", "text": "First text."},
                                                     {"id": "x", "text": "Another text."}]), encoding="utf-8")
    results = list(read_documents([*discover_inputs([path])[0]], LIMIT))
    assert [type(r).__name__ for r in results] == ["Document", "Document", "IngestError"]
    assert results[2].error_kind == "duplicate_id" and "already used on line 1" in results[2].message
    assert results[2].source_uri.endswith("ids.jsonl#line3")


def test_a_publication_date_in_the_future_is_refused():
    result = parse_jsonl_record(b'{"id": "f", "text": "Body.", "published_at": "2999-01-01"}', "f.jsonl#line1",
                                "f.jsonl", LIMIT)
    assert isinstance(result, IngestError) and result.error_kind == "invalid_record"
    assert "'2999-01-01' is in the future" in result.message


def test_json_errors_read_as_one_sentence():
    result = parse_jsonl_record(b'{"text": "unterminated', "f.jsonl#line1", "f.jsonl", LIMIT)
    assert result.message == "not valid JSON (Unterminated string starting at, column 10)"


def test_article_id_is_a_hash_of_the_text():
    assert article_id_for("same text") == article_id_for("same text")
    assert article_id_for("same text") != article_id_for("same text.")
    assert len(article_id_for("x")) == 16


def test_jsonl_records_carry_metadata_and_uri():
    line = json.dumps({"id": "a1", "text": "Body.", "title": "T", "published_at": "2020-02-05T14:30:00+02:00",
                       "source": "AFP", "url": "https://example.org"}).encode()
    document = parse_jsonl_record(line, "f.jsonl#line1", "f.jsonl", LIMIT)
    assert isinstance(document, Document)
    assert document.source_uri == "f.jsonl#a1"
    assert document.metadata.published_at == datetime(2020, 2, 5, 12, 30)
    assert (document.metadata.title, document.metadata.source) == ("T", "AFP")


@pytest.mark.parametrize(
    ("line", "error_kind"),
    [
        pytest.param(b"{not json", "invalid_json", id="broken-json"),
        pytest.param(b'["a list"]', "invalid_record", id="not-an-object"),
        pytest.param(b'{"id": "x"}', "invalid_record", id="no-text"),
        pytest.param(b'{"id": "x", "text": 42}', "invalid_record", id="text-not-string"),
        pytest.param(b'{"id": "x", "text": "   "}', "empty", id="blank-text"),
        pytest.param(b'{"id": "x", "text": "ok", "published_at": "last week"}', "invalid_record", id="bad-date"),
    ],
)
def test_bad_jsonl_records_are_errors(line, error_kind):
    result = parse_jsonl_record(line, "f.jsonl#line3", "f.jsonl", LIMIT)
    assert isinstance(result, IngestError)
    assert result.error_kind == error_kind


def test_discovery_walks_directories_and_reports_what_it_cannot_read(tmp_path):
    (tmp_path / "nested").mkdir()
    (tmp_path / "a.txt").write_text("Alpha.")
    (tmp_path / "nested" / "b.TXT").write_text("Beta.")
    (tmp_path / "nested" / "c.jsonl").write_text('{"id": "c", "text": "Gamma."}\n')
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("ignored")
    files, errors = discover_inputs([tmp_path, tmp_path / "missing.txt"])
    assert [(f.path.name, f.kind) for f in files] == [("a.txt", "txt"), ("b.TXT", "txt"), ("c.jsonl", "jsonl")]
    assert sorted(e.error_kind for e in errors) == ["not_found", "unsupported_format"]


def test_links_that_cannot_be_followed_are_reported_and_links_inside_the_inputs_read(tmp_path):
    inputs, elsewhere = tmp_path / "inputs", tmp_path / "elsewhere"
    (inputs / "sub").mkdir(parents=True)
    elsewhere.mkdir()
    (elsewhere / "linked.txt").write_text("Linked article.")
    (tmp_path / "passwd").write_text("root:x:0:0:root:/root:/bin/bash")
    (inputs / "a.txt").write_text("Alpha.")
    (inputs / "sub" / "b.txt").write_text("Beta.")
    (inputs / "to_sub").symlink_to(inputs / "sub", target_is_directory=True)  # stays inside: read
    (inputs / "to_elsewhere").symlink_to(elsewhere, target_is_directory=True)
    (inputs / "x.txt").symlink_to(tmp_path / "passwd")  # the password file dropped into an inbox
    (inputs / "back_up").symlink_to(inputs, target_is_directory=True)  # a loop through a parent
    (inputs / "self").symlink_to(inputs / "self")  # a link to itself
    (inputs / "broken.txt").symlink_to(tmp_path / "gone.txt")
    files, errors = discover_inputs([inputs])
    assert [f.path.name for f in files] == ["a.txt", "b.txt"]  # "sub" once, through the link or itself
    assert sorted((e.error_kind, e.source_uri.rsplit("/", 1)[1]) for e in errors) == [
        ("broken_link", "broken.txt"), ("link_outside_inputs", "to_elsewhere"), ("link_outside_inputs", "x.txt"),
        ("symlink_loop", "back_up"), ("symlink_loop", "self"), ("symlink_loop", "to_sub")]
    assert all(e.message for e in errors)
    followed, _ = discover_inputs([inputs], follow_links=True)
    assert [f.path.name for f in followed] == ["a.txt", "b.txt", "linked.txt", "x.txt"]
    both_given, errors = discover_inputs([inputs, elsewhere])  # a link into another given path is read
    assert "linked.txt" in [f.path.name for f in both_given]
    assert "to_elsewhere" not in {e.source_uri.rsplit("/", 1)[1] for e in errors if e.error_kind == "link_outside_inputs"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists a directory whatever its mode")
def test_a_directory_that_cannot_be_listed_is_reported(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("Alpha.")
    locked.chmod(0)
    try:
        files, errors = discover_inputs([tmp_path])
    finally:
        locked.chmod(0o755)
    assert files == [] and [(e.error_kind, e.source_uri) for e in errors] == [("unreadable", str(locked))]


def test_read_documents_streams_good_and_bad_together(tmp_path):
    (tmp_path / "good.txt").write_text("A good article.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "big.txt").write_bytes(b"y" * (LIMIT + 5))
    files, _ = discover_inputs([tmp_path, FIXTURES_DIR / "articles" / "wire.jsonl"])
    results = list(read_documents(files, LIMIT))
    kinds = sorted(r.error_kind if isinstance(r, IngestError) else "document" for r in results)
    assert kinds == ["document", "document", "document", "empty", "too_large"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2_000))
def test_no_bytes_crash_the_ingest(data):
    """Random bytes as a text file or a JSONL line: decoded, or refused with a reason."""
    try:
        text = decode_text(data, LIMIT)
    except InputRejected as error:
        assert error.error_kind in {"empty", "binary", "undecodable", "too_large"}
    else:
        assert text.strip()
        text.encode("utf-8")  # whatever is decoded can be stored
    assert isinstance(parse_jsonl_record(data, "f.jsonl#line1", "f.jsonl", LIMIT), (Document, IngestError))
