"""Hostile text round-trips: whatever an article's title and text hold (markup, HTML comment and
script openers, the report's placeholders, control characters, U+2028), it is loaded as written,
`wirehouse sql` gives it back byte for byte in CSV and JSON and never lets it drive the terminal
in a table, and the report carries it as data."""

from __future__ import annotations

import csv
import io
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extract.batch import extract_batch
from extract.components import EXTRACTOR_VERSIONS
from flows.cli import app
from ingest.records import Document, InputMetadata, article_id_for
from report.page import render_report
from warehouse.connection import prepare_warehouse
from warehouse.load import load_batch
from warehouse.report_data import report_data
from warehouse.views import refresh_views

HOSTILE_PIECES = ["[/bold]", "[link=http://x.example]", "[citation needed]", "<!--", "<!--<script>", "</script>",
                  "<script>", "/*DATA*/", "/*OUTLINES*/", "\x1b[31m", "\x1b]8;;http://x\x07", "\x9b", "\x7f",
                  "\u2028", "\u2029", "&amp;", "&", "<", ">", '"', "'", "\\", "\t", "${x}", "{{x}}", "é", "Kabul", " "]
hostile_text = st.lists(st.sampled_from(HOSTILE_PIECES), min_size=1, max_size=12).map("".join).filter(str.strip)
BODY = ('The mayor of Springfield spoke to reporters on Tuesday about the new school. '
        '"We will open it next week, whatever the weather," she said. ') * 4


def loaded(path, title: str, text: str, nlp, rules) -> str:
    document = Document(article_id_for(text), "hostile.jsonl", text, InputMetadata(title=title))
    batch = extract_batch([document], nlp, rules)
    assert not batch.errors, batch.errors
    load_batch(path, "run-1", batch, [(document.article_id, document.source_uri)], [], EXTRACTOR_VERSIONS)
    return document.article_id


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=hostile_text, inside=hostile_text)
def test_hostile_text_round_trips_through_load_sql_and_report(tmp_path_factory, nlp, extraction_rules, title, inside):
    path = tmp_path_factory.mktemp("hostile") / "w.duckdb"
    prepare_warehouse(path)
    text = f"{BODY}\n\n{inside}\n\n{BODY}"
    article_id = loaded(path, title, text, nlp, extraction_rules)
    refresh_views(path)
    query = ["sql", "-w", str(path), "-p", article_id, "select title, raw_text from articles where article_id = $1"]
    runner = CliRunner()

    as_csv = runner.invoke(app, [*query[:3], "-f", "csv", *query[3:]])
    assert as_csv.exit_code == 0, as_csv.output
    assert list(csv.reader(io.StringIO(as_csv.stdout, newline="")))[1] == [title, text]

    as_json = runner.invoke(app, [*query[:3], "-f", "json", *query[3:]])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout) == [{"title": title, "raw_text": text}]

    as_table = runner.invoke(app, query)
    assert as_table.exit_code == 0, as_table.output
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", as_table.stdout)  # no control character reaches it

    data = report_data(path)
    page = render_report(data)
    embedded = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S)[1]
    assert json.loads(embedded) == json.loads(json.dumps(data, ensure_ascii=False))
    assert title in json.loads(embedded)["quotes"]["title"]
    assert page.count("</script>") == 3 and "\u2028" not in page
