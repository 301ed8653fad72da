"""`wirehouse report` on a real warehouse, opened in a real headless Chromium with the network
blocked. Skips, saying why, where Debian's chromium or the playwright package is missing
(.ci/run installs chromium when it can)."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from typer.testing import CliRunner

from extract.batch import extract_batch
from extract.components import EXTRACTOR_VERSIONS
from flows.cli import app
from ingest.records import Document, InputMetadata, article_id_for
from tests.conftest import SEED_ARTICLE
from tests.warehouse.test_linking import fixture_documents
from warehouse.connection import open_warehouse, prepare_warehouse
from warehouse.load import load_batch
from warehouse.views import refresh_views

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory, nlp, extraction_rules):
    """The linking fixture's four reports and the seed article, loaded and with views."""
    path = tmp_path_factory.mktemp("report") / "w.duckdb"
    seed_text = SEED_ARTICLE.read_text(encoding="utf-8")
    documents = [*fixture_documents().values(),
                 Document(article_id_for(seed_text), "seed.txt", seed_text, InputMetadata())]
    prepare_warehouse(path)
    batch = extract_batch(documents, nlp, extraction_rules)
    load_batch(path, "run-1", batch, [(d.article_id, d.source_uri) for d in documents], [], EXTRACTOR_VERSIONS)
    refresh_views(path)
    return path


@pytest.fixture(scope="module")
def report_file(warehouse, tmp_path_factory):
    target = tmp_path_factory.mktemp("html") / "report.html"
    result = CliRunner().invoke(app, ["report", "-w", str(warehouse), "--to", str(target)])
    assert result.exit_code == 0, result.output
    return target


def embedded_data(report_file) -> dict:
    page = report_file.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S)[1])


def test_the_report_is_one_small_file_that_names_no_address(report_file):
    page = report_file.read_text(encoding="utf-8")
    assert report_file.stat().st_size < 10_000_000
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # no script, style or image to fetch
    assert "@import" not in page and "fetch(" not in page


def test_the_report_carries_the_linked_incident_and_statement(report_file):
    data = embedded_data(report_file)
    assert data["summary"]["n_incidents_linked"] == 1
    incidents = dict(zip(data["incidents"]["incident_id"], data["incidents"]["n_reports"], strict=True))
    linked = [incident for incident, n in incidents.items() if n == 3]
    assert len(linked) == 1
    behind = [title for incident, title in zip(data["incident_rows"]["incident_id"], data["incident_rows"]["title"],
                                               strict=True) if incident == linked[0]]
    assert sorted(behind) == ["Bomb kills 12 at Kabul market", "Kabul mourns market bombing victims",
                              "Twelve dead in Kabul market blast"]
    assert data["statements"]["first_publisher"] == ["Northern Wire"]


def test_a_warehouse_that_is_missing_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["report", "-w", str(tmp_path / "none.duckdb"), "--to", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert "run `wirehouse run` first" in result.output


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it with apt-get)")
def test_the_report_opens_offline_with_a_point_per_mapped_incident(report_file, warehouse, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with open_warehouse(warehouse, read_only=True) as connection:
        (mapped,) = connection.execute("SELECT count(*) FROM incidents WHERE latitude IS NOT NULL").fetchone()
    requests, errors = [], []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(offline=True, viewport={"width": 1400, "height": 1000})
        context.route(re.compile(r"^(?!file:).*"), lambda route: route.abort())  # nothing leaves the machine
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(report_file.as_uri())
        page.wait_for_load_state("load")
        points = page.locator("#map circle.incident").count()
        page.locator("#statements button.num").first.click()
        detail = page.locator("#detail-body").inner_text()
        page.fill("#search", "cowardly")
        found = page.locator("#results .row").count()
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        browser.close()
    assert errors == []
    assert requests == [report_file.as_uri()]
    assert mapped > 0 and points == mapped
    assert "Eastern Times" in detail and "Southern Herald" in detail
    assert found == 3
    assert (tmp_path / "report.png").stat().st_size > 10_000


def test_the_report_never_replaces_the_warehouse_or_a_file_it_did_not_write(warehouse, tmp_path):
    """`report --to w.duckdb -w w.duckdb` had overwritten the warehouse with HTML: it is refused in
    one line, exit 1, and so is a user's file; an earlier report is replaced."""
    before = warehouse.read_bytes()
    refused = CliRunner().invoke(app, ["report", "-w", str(warehouse), "--to", str(warehouse)])
    assert refused.exit_code == 1 and "is the warehouse itself" in refused.output
    assert warehouse.read_bytes() == before
    notes = tmp_path / "notes.html"
    notes.write_text("my notes", encoding="utf-8")
    refused = CliRunner().invoke(app, ["report", "-w", str(warehouse), "--to", str(notes)])
    assert refused.exit_code == 1 and "is not a wirehouse report" in refused.output
    assert notes.read_text(encoding="utf-8") == "my notes"
    page = tmp_path / "report.html"
    for _ in range(2):  # the second run replaces the first report
        assert CliRunner().invoke(app, ["report", "-w", str(warehouse), "--to", str(page)]).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.html", "report.html"]  # no temporary left


# Text that had blanked the page or could run as code: a placeholder of the template, script and
# comment openers, markup, the line separators JavaScript once broke on, a control character.
HOSTILE = "</script><!--<script>/*OUTLINES*/ /*DATA*/ <img src=x onerror=alert(1)> [/bold] & \u2028\u2029\x1b'\""
# Every text column the report's views read, made hostile in a copy of the warehouse.
HOSTILE_COLUMNS = {
    "articles": ["title", "byline", "dateline", "agency", "publisher", "url", "source_uri"],
    "sources": ["name", "affiliation"],
    "quotes": ["speaker_text", "cue", "content"],
    "events": ["trigger_text", "place_text", "address", "claimed_by", "event_class"],
    "event_actors": ["text", "canonical"],
    "incidents": ["place_name", "event_class", "acled_event_type", "acled_sub_event_type"],
    "statements": ["content", "first_publisher"],
}


@pytest.fixture(scope="module")
def hostile_report(warehouse, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    copy = folder / "w.duckdb"
    shutil.copyfile(warehouse, copy)
    with open_warehouse(copy) as connection:
        for table, columns in HOSTILE_COLUMNS.items():
            assignments = ", ".join(f"{column} = ? || {column}" for column in columns)
            connection.execute(f"UPDATE {table} SET {assignments}", [f"{HOSTILE} {column} " for column in columns])
    refresh_views(copy)
    target = folder / "report.html"
    result = CliRunner().invoke(app, ["report", "-w", str(copy), "--to", str(target)])
    assert result.exit_code == 0, result.output
    return target


def test_hostile_text_in_every_field_reaches_the_page_as_data(hostile_report):
    """A title holding "/*OUTLINES*/" or "<!--<script>" had made the page's script fail: the data
    is filled in one pass and "<", ">", "&" and U+2028/9 are escaped inside the script."""
    page = hostile_report.read_text(encoding="utf-8")
    assert page.count("</script>") == 3 and "<!--<script>" not in page and "\u2028" not in page
    data = embedded_data(hostile_report)
    titles = data["incident_rows"]["title"]
    assert titles and all(title.startswith(HOSTILE + " title ") for title in titles)
    assert data["statements"]["first_publisher"][0].startswith(HOSTILE)


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it with apt-get)")
def test_hostile_text_in_every_field_runs_no_code_and_breaks_no_view_in_chromium(hostile_report):
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    expected = embedded_data(hostile_report)
    errors, dialogs = [], []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(offline=True, viewport={"width": 1400, "height": 1000})
        context.route(re.compile(r"^(?!file:).*"), lambda route: route.abort())
        page = context.new_page()
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(hostile_report.as_uri())
        page.wait_for_load_state("load")
        parsed = page.evaluate("() => DATA")
        points = page.locator("#map circle.incident").count()
        page.locator("#statements button.num").first.click()
        detail = page.locator("#detail-body").inner_text()
        page.fill("#search", "onerror")
        found = page.locator("#results .row").count()
        images = page.locator("img").count()
        browser.close()
    assert errors == [] and dialogs == [] and images == 0
    assert parsed == expected  # every value round-trips exactly
    assert points > 0 and found > 0
    assert "<img src=x onerror=alert(1)>" in detail
