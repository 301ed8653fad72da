"""Web pages and WARC archives through the whole flow, into a real DuckDB file."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import trafilatura

from flows.etl import etl
from tests.conftest import SEED_ARTICLE
from tests.pages.templates import Record, Story, news_page, warc_bytes
from warehouse.connection import open_warehouse
from warehouse.query import run_query

pytestmark = pytest.mark.usefixtures("prefect_server")

FIRE = Story(
    "Fire destroys warehouse in east London",
    [
        "LONDON (Reuters) - A fire destroyed a warehouse in east London on Monday and injured three "
        "firefighters, police said, in the city's largest blaze this year.",
        "\"It was huge, the flames were higher than the flats next door,\" said Amir Khan, who lives on the street.",
        "The cause of the fire is not yet known, and police said they were not treating it as suspicious.",
    ],
    author="Jane Smith", published="2026-11-23", site="The Daily Courier", url="https://courier.example/uk/fire",
)
GERMAN = Story(
    "Bundestag beschließt neues Klimagesetz",
    [
        "BERLIN (dpa) - Der Bundestag hat am Donnerstag nach langer Debatte ein neues Gesetz zum Klimaschutz "
        "beschlossen, das den Ausstoß von Treibhausgasen bis zum Ende des Jahrzehnts deutlich senken soll.",
        "Die Opposition kritisierte den Entwurf als zu schwach und kündigte an, vor das Verfassungsgericht zu "
        "ziehen. Umweltverbände begrüßten dagegen, dass erstmals verbindliche Ziele für jeden Sektor gelten.",
    ],
    site="Berliner Morgen", url="https://morgen.example/klima",
)


def seed_story() -> Story:
    lines = [line for line in SEED_ARTICLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return Story(lines[0], lines[1:], published="2015-03-21", site="The Straits Times", url="https://st.example/isis")


def archive() -> bytes:
    """Three articles (one at two URLs), a German page, records to skip, two bad pages, and a
    last member cut short."""
    good = warc_bytes([
        Record("https://courier.example/uk/fire?ref=home", news_page(FIRE).encode(), content_encoding="gzip",
               chunked=True),
        Record("https://courier.example/uk/fire", b"GET /uk/fire HTTP/1.1\r\n\r\n", record_type="request"),
        Record("https://st.example/isis", news_page(seed_story()).encode()),
        Record("https://courier.example/logo.png", b"\x89PNG\r\n", content_type="image/png"),
        Record("https://courier.example/uk/fire?ref=rss", news_page(FIRE).encode()),
        Record("https://morgen.example/klima", news_page(GERMAN).encode()),
        Record("https://courier.example/", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
        Record("https://broken.example/", bytes(range(128, 256)) * 10, content_type="text/html; charset=x-broken"),
    ])
    last = warc_bytes([Record("https://courier.example/late", news_page(FIRE).encode())])
    return good + last[: len(last) // 2]


def snapshot(warehouse, besides: tuple[str, ...] = ()):
    """Every row of the main tables, without run ids (and the columns named in `besides`)."""
    left_out = ", ".join(f"'{name}'" for name in ("run_id", "at", *besides))
    with open_warehouse(warehouse, read_only=True) as connection:
        return {table: connection.execute(f"SELECT COLUMNS(c -> c NOT IN ({left_out})) FROM {table} "
                                          "ORDER BY ALL").fetchall()
                for table in ("articles", "article_inputs", "quotes", "events", "entity_mentions")}


def test_an_archive_loads_its_articles_with_metadata_quotes_and_events_and_quarantines_the_rest(tmp_path):
    path = tmp_path / "CC-NEWS-20261130-00001.warc.gz"
    path.write_bytes(archive())
    warehouse = tmp_path / "w.duckdb"
    summary = etl(inputs=[str(path)], warehouse=str(warehouse), export=False)
    assert summary.status == "completed", summary.failed_checks
    counts = summary.counts
    assert (counts.n_articles_new, counts.n_duplicates, counts.n_records_skipped) == (3, 1, 2)
    assert counts.n_articles_other_language == 1 and counts.n_quarantined == 3
    assert "html" in summary.stage_seconds
    articles = {row[0]: row[1:] for row in run_query(
        warehouse, "SELECT title, byline, publisher, published_at, published_at_source, url, language, input_format "
                   "FROM articles").rows}
    assert articles[FIRE.title] == ("Jane Smith", "The Daily Courier", datetime(2026, 11, 23), "page", FIRE.url,
                                    "en", "html")
    assert articles[GERMAN.title][5:] == ("de", "html")
    assert articles[GERMAN.title][2:4] == (datetime(2026, 11, 30, 12), "fetched")  # no date on the page
    seed = articles[seed_story().title]
    assert seed[1:4] == ("The Straits Times", datetime(2015, 3, 21), "page")
    assert seed[0] == "Moussaoui"  # the byline the text gives, where the page names no author
    # the same article at two URLs: one article, both inputs with their record ids and fetch times
    inputs = run_query(warehouse, "SELECT i.target_uri, i.warc_record_id IS NOT NULL, i.fetched_at, i.source_uri "
                                  "FROM article_inputs i JOIN articles a USING (article_id) WHERE a.title = $1 "
                                  "ORDER BY 1", [FIRE.title]).rows
    assert [row[0] for row in inputs] == ["https://courier.example/uk/fire?ref=home",
                                          "https://courier.example/uk/fire?ref=rss"]
    assert all(row[1] and row[2] == datetime(2026, 11, 30, 12) and "#offset=" in row[3] for row in inputs)
    extractors = run_query(warehouse, "SELECT DISTINCT text_extractor FROM article_inputs").rows
    assert extractors == [(f"trafilatura {trafilatura.__version__}",)]
    errors = sorted(run_query(warehouse, "SELECT error_kind FROM ingest_errors").rows)
    assert errors == [("corrupt_archive",), ("no_main_text",), ("undecodable",)]
    by_title = dict(run_query(warehouse, "SELECT a.title, count(q.quote_id) FROM articles a LEFT JOIN quotes q "
                                         "USING (article_id) GROUP BY 1").rows)
    assert by_title[seed_story().title] >= 17 and by_title[FIRE.title] >= 1 and by_title[GERMAN.title] == 0
    events = run_query(warehouse, "SELECT count(*) FROM events e JOIN articles a USING (article_id) "
                                  "WHERE a.title = $1 AND e.fatalities = 21", [seed_story().title]).rows
    assert events == [(1,)]  # Bardo: 21 killed
    assert run_query(warehouse, "SELECT n_records_skipped, n_articles_other_language FROM runs").rows == [(2, 1)]

    # re-running the archive changes nothing
    before = snapshot(warehouse)
    again = etl(inputs=[str(path)], warehouse=str(warehouse), export=False)
    assert (again.counts.n_articles_new, again.counts.n_articles_existing) == (0, 3)
    assert snapshot(warehouse) == before


def test_a_folder_of_pages_loads_and_languages_not_kept_are_quarantined(tmp_path, monkeypatch):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "fire.html").write_text(news_page(FIRE), encoding="utf-8")
    (folder / "klima.htm").write_bytes(news_page(GERMAN, charset="iso-8859-1").encode("iso-8859-1"))
    monkeypatch.setenv("WIREHOUSE_KEEP_LANGUAGES", "en")
    warehouse = tmp_path / "w.duckdb"
    summary = etl(inputs=[str(folder)], warehouse=str(warehouse), export=False)
    assert summary.counts.n_articles_new == 1 and summary.status == "completed"
    assert run_query(warehouse, "SELECT title, source_uri, CAST(published_at AS DATE) FROM articles").rows == [
        (FIRE.title, str(folder / "fire.html"), date(2026, 11, 23))]
    errors = run_query(warehouse, "SELECT source_uri, error_kind, message FROM ingest_errors").rows
    assert [(row[0], row[1]) for row in errors] == [(str(folder / "klima.htm"), "language")]
    assert "'de'" in errors[0][2]


def errors_and_counts(warehouse):
    with open_warehouse(warehouse, read_only=True) as connection:
        errors = connection.execute("SELECT source_uri, error_kind, message FROM ingest_errors ORDER BY ALL").fetchall()
        counts = connection.execute("SELECT n_inputs, n_articles_new, n_duplicates, n_quarantined, n_records_skipped, "
                                    "n_articles_other_language FROM runs").fetchall()
    return errors, counts


def test_an_archive_read_in_byte_ranges_by_the_workers_loads_what_reading_it_whole_loads(tmp_path, monkeypatch):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(archive() + archive())  # a second copy: every article met again, later ranges
    loaded = {}
    for range_bytes in ("0", "700"):  # 0: read whole in the flow's process; 700: a range every 700 bytes
        monkeypatch.setenv("WIREHOUSE_WARC_RANGE_BYTES", range_bytes)
        warehouse = tmp_path / f"w{range_bytes}.duckdb"
        summary = etl(inputs=[str(path)], warehouse=str(warehouse), export=False)
        assert summary.status == "completed" and summary.counts.n_articles_new == 3
        loaded[range_bytes] = (snapshot(warehouse, besides=("loaded_at",)), errors_and_counts(warehouse))
        assert ("warc" in summary.stage_seconds) == (range_bytes != "0")
    assert loaded["700"] == loaded["0"]
    errors, counts = loaded["700"][1]
    assert counts == [(14, 3, 5, 6, 4, 1)] and len(errors) == 6  # 7 inputs a copy: 4 pages, 3 bad
    recorded = run_query(tmp_path / "w700.duckdb", "SELECT n_inputs FROM input_files").rows
    assert recorded == []  # the archive held bad records: read again by the next run


def test_an_archive_read_in_ranges_is_recorded_with_every_record_it_held(tmp_path, monkeypatch):
    path = tmp_path / "clean.warc.gz"
    path.write_bytes(warc_bytes([
        Record("https://courier.example/uk/fire", news_page(FIRE).encode()),
        Record("https://courier.example/uk/fire", b"GET /uk/fire HTTP/1.1\r\n\r\n", record_type="request"),
        Record("https://st.example/isis", news_page(seed_story()).encode()),
    ]))
    monkeypatch.setenv("WIREHOUSE_WARC_RANGE_BYTES", "500")
    warehouse = tmp_path / "w.duckdb"
    assert etl(inputs=[str(path)], warehouse=str(warehouse), export=False).counts.n_articles_new == 2
    assert run_query(warehouse, "SELECT kind, n_inputs FROM input_files").rows == [("warc", 3)]
    again = etl(inputs=[str(path)], warehouse=str(warehouse), export=False)
    assert (again.status, again.counts.n_files_unchanged) == ("unchanged", 1)
