"""Incidents and statements linked across articles inside each batch's load, on a real DuckDB file.

The fixtures (tests/fixtures/linking/, written for these tests) hold three outlets' reports of
one market bombing in Kabul, quoting one spokesman in full or in part, and one report of a
protest in Paris on the same day (reports.jsonl); and three outlets' reports of the 2015 attack
on the Bardo museum in Tunis, two of which tell the arrests that followed (museum.jsonl).
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from extract.batch import extract_batch
from extract.components import EXTRACTOR_VERSIONS
from ingest.records import Document, InputMetadata, article_id_for
from tests.conftest import FIXTURES_DIR
from warehouse import linking as warehouse_linking
from warehouse.connection import open_warehouse, prepare_warehouse
from warehouse.load import load_batch, load_staged, stage_batch
from warehouse.sql_files import sql_text
from warehouse.views import refresh_views, run_checks

REPORTS = FIXTURES_DIR / "linking" / "reports.jsonl"
MUSEUM = FIXTURES_DIR / "linking" / "museum.jsonl"
LINK_TABLES = {
    "incident_events": "SELECT * EXCLUDE (run_id) FROM incident_events ORDER BY ALL",
    "incidents": "SELECT * EXCLUDE (run_id) FROM incidents ORDER BY ALL",
    "event_links": "SELECT * EXCLUDE (run_id) FROM event_links ORDER BY ALL",
    "quote_statements": "SELECT * EXCLUDE (run_id) FROM quote_statements ORDER BY ALL",
    "statements": "SELECT * EXCLUDE (run_id) FROM statements ORDER BY ALL",
}


def fixture_documents(path=REPORTS) -> dict[str, Document]:
    documents = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        metadata = InputMetadata(external_id=record["id"], title=record["title"], source=record["source"],
                                 published_at=datetime.fromisoformat(record["published_at"]))
        documents[record["id"]] = Document(article_id_for(record["text"]), f"{path.name}#{record['id']}",
                                           record["text"], metadata)
    return documents


@pytest.fixture(scope="module")
def batches(nlp, extraction_rules):
    """Each report extracted on its own, so that each can be loaded as its own batch."""
    return {name: extract_batch([document], nlp, extraction_rules)
            for name, document in fixture_documents().items()}


def load_in_order(path, batches, order):
    prepare_warehouse(path)
    for number, name in enumerate(order):
        batch = batches[name]
        load_batch(path, f"run-{number}", batch, [(batch.articles[0].article_id, name)], [], EXTRACTOR_VERSIONS)


def link_rows(path):
    with open_warehouse(path, read_only=True) as connection:
        return {table: connection.execute(query).fetchall() for table, query in LINK_TABLES.items()}


def incident_titles(path):
    """Per incident with more than one report: its class and the titles of its reports."""
    with open_warehouse(path, read_only=True) as connection:
        return connection.execute("""
            SELECT i.event_class, list(a.title ORDER BY a.title)
            FROM incidents i JOIN incident_events ie USING (incident_id) JOIN events e USING (event_id)
            JOIN articles a USING (article_id)
            WHERE i.n_reports > 1 GROUP BY i.incident_id, i.event_class""").fetchall()


def test_three_reports_of_one_bombing_are_one_incident(tmp_path, batches):
    path = tmp_path / "w.duckdb"
    load_in_order(path, batches, ["kabul-a", "paris-a", "kabul-b", "kabul-c"])
    assert incident_titles(path) == [("Remote explosive/landmine/IED", [
        "Bomb kills 12 at Kabul market", "Kabul mourns market bombing victims", "Twelve dead in Kabul market blast"])]
    with open_warehouse(path, read_only=True) as connection:
        incident = connection.execute("""
            SELECT place_name, incident_date, fatalities, injured, n_reports, n_publishers, first_reported_at
            FROM incidents WHERE n_reports = 3""").fetchone()
        paris_reason = connection.execute("""
            SELECT ie.link_reason FROM incident_events ie JOIN events e USING (event_id)
            WHERE e.place_text = 'Paris'""").fetchone()
    assert incident == ("Kabul", datetime(2021, 5, 8).date(), 12, 30, 3, 3, datetime(2021, 5, 9, 8, 0))
    assert paris_reason == (None,)  # a protest elsewhere stays an incident of its own
    assert run_checks(path)["duplicate_keys"] == 0


def test_a_quote_repeated_in_part_is_one_statement_first_carried_by_the_earliest(tmp_path, batches):
    path = tmp_path / "w.duckdb"
    load_in_order(path, batches, ["kabul-c", "kabul-b", "kabul-a", "paris-a"])
    with open_warehouse(path, read_only=True) as connection:
        statement = connection.execute("""
            SELECT content, n_quotes, n_articles, n_publishers, first_publisher, first_published_at
            FROM statements WHERE n_articles > 1""").fetchall()
        reasons = connection.execute("""
            SELECT list(link_reason ORDER BY link_reason) FROM quote_statements GROUP BY statement_id
            HAVING count(*) > 1""").fetchall()
    assert statement == [("This was a cowardly attack on innocent shoppers who had come to buy food", 3, 3, 3,
                          "Northern Wire", datetime(2021, 5, 9, 8, 0))]
    assert reasons == [(["contained", "contained", "same text"],)]



def test_each_quote_of_a_statement_names_its_speaker(tmp_path, batches):
    path = tmp_path / "w.duckdb"
    load_in_order(path, batches, ["kabul-c", "kabul-b", "kabul-a", "paris-a"])
    refresh_views(path)
    with open_warehouse(path, read_only=True) as connection:
        rows = connection.execute("""
            SELECT qs.source_id = q.source_id, sq.speaker_source_id = q.source_id, sq.speaker IS NOT NULL
            FROM quote_statements qs JOIN quotes q USING (quote_id)
            JOIN statement_quotes sq ON sq.quote_id = qs.quote_id AND sq.statement_id = qs.statement_id
            JOIN statements s ON s.statement_id = qs.statement_id WHERE s.n_articles > 1""").fetchall()
    assert rows and all(row == (True, True, True) for row in rows)


def test_incidents_and_statements_do_not_depend_on_the_load_order(tmp_path, batches):
    forward, backward = tmp_path / "forward.duckdb", tmp_path / "backward.duckdb"
    load_in_order(forward, batches, ["kabul-a", "kabul-b", "kabul-c", "paris-a"])
    load_in_order(backward, batches, ["paris-a", "kabul-c", "kabul-b", "kabul-a"])
    assert link_rows(forward) == link_rows(backward)
    assert len(link_rows(forward)["event_links"]) >= 3


def test_loading_a_batch_again_keeps_its_incidents_and_statements(tmp_path, batches):
    path = tmp_path / "w.duckdb"
    load_in_order(path, batches, ["kabul-a", "kabul-b", "kabul-c", "paris-a"])
    before = link_rows(path)
    load_in_order(path, batches, ["kabul-b"])  # the same article again: its rows are replaced
    assert link_rows(path) == before


def test_a_report_that_loses_its_event_leaves_the_incident(tmp_path, batches, nlp, extraction_rules):
    path = tmp_path / "w.duckdb"
    load_in_order(path, batches, ["kabul-a", "kabul-b", "kabul-c", "paris-a"])
    document = fixture_documents()["kabul-b"]
    # the same article re-extracted (as after a new extractor version) now reports no attack
    changed = Document(document.article_id, document.source_uri,
                       "KABUL, May 8 - Officials met in Kabul on Saturday to discuss the budget.", document.metadata)
    reloaded = extract_batch([changed], nlp, extraction_rules)
    load_batch(path, "run-again", reloaded, [], [], EXTRACTOR_VERSIONS)
    assert incident_titles(path) == [("Remote explosive/landmine/IED", [
        "Bomb kills 12 at Kabul market", "Kabul mourns market bombing victims"])]
    assert run_checks(path)["duplicate_keys"] == 0


def test_a_run_killed_before_linking_is_linked_by_the_next(tmp_path, batches):
    path = tmp_path / "w.duckdb"
    prepare_warehouse(path)
    first = batches["kabul-a"]
    load_staged(path, "killed-run", stage_batch("killed-run", first, [(first.articles[0].article_id, "kabul-a")], [],
                                                EXTRACTOR_VERSIONS), EXTRACTOR_VERSIONS)  # loaded, never linked
    assert link_rows(path)["incident_events"] == []
    load_in_order(path, batches, ["kabul-b", "kabul-c", "paris-a"])
    assert [len(titles) for _, titles in incident_titles(path)] == [3]


def test_linking_a_run_a_chunk_at_a_time_gives_the_same_groups(tmp_path, batches, nlp, extraction_rules, monkeypatch):
    documents = list(fixture_documents().values())
    one_batch = extract_batch(documents, nlp, extraction_rules)
    whole, chunked = tmp_path / "whole.duckdb", tmp_path / "chunked.duckdb"
    for path in (whole, chunked):
        prepare_warehouse(path)
        if path == chunked:
            monkeypatch.setattr(warehouse_linking, "LINK_CHUNK", 1)  # one event, one quote per pass
        load_batch(path, "run-1", one_batch, [(d.article_id, d.source_uri) for d in documents], [], EXTRACTOR_VERSIONS)
    assert link_rows(whole) == link_rows(chunked)
    assert [len(titles) for _, titles in incident_titles(chunked)] == [3]


def test_a_toll_no_other_report_comes_near_is_left_out_of_the_headline(tmp_path, nlp, extraction_rules):
    """One outlet misreads the Kabul bombing's toll as 3,000: too far from the other report's 12
    to link, it stands as an incident of its own, listed in implausible_incidents, and its
    deaths stay out of the report's headline figure."""
    documents = fixture_documents()
    kabul = documents["kabul-a"]
    misread = Document(article_id_for(kabul.raw_text.replace("12", "3,000")), "misread.jsonl#1",
                       kabul.raw_text.replace("12", "3,000"), kabul.metadata)
    path = tmp_path / "w.duckdb"
    prepare_warehouse(path)
    for number, document in enumerate([documents["kabul-c"], misread]):
        batch = extract_batch([document], nlp, extraction_rules)
        load_batch(path, f"run-{number}", batch, [(batch.articles[0].article_id, document.source_uri)], [],
                   EXTRACTOR_VERSIONS)
    refresh_views(path)
    with open_warehouse(path, read_only=True) as connection:
        implausible = connection.execute("SELECT fatalities, next_largest_toll, reason FROM implausible_incidents"
                                         ).fetchall()
        summary = connection.execute(sql_text("report/summary.sql")).fetchone()
        columns = [d[0] for d in connection.description]
    assert implausible == [(3000, None, "a round thousand: likelier a total than a count")]
    headline = dict(zip(columns, summary))
    assert (headline["n_implausible"], headline["fatalities_left_out"], headline["fatalities"]) == (1, 3000, 12)


def test_an_attack_three_outlets_report_is_one_incident_and_its_arrests_carry_no_toll(tmp_path, nlp,
                                                                                      extraction_rules):
    """Gunmen storm a museum and kill 21 (an attack, not territory taken); the two arrest stories
    give an Arrests event of their own, with no toll, that refers to the attack they are for."""
    path = tmp_path / "w.duckdb"
    prepare_warehouse(path)
    for number, document in enumerate(fixture_documents(MUSEUM).values()):
        batch = extract_batch([document], nlp, extraction_rules)
        load_batch(path, f"run-{number}", batch, [(batch.articles[0].article_id, document.source_uri)], [],
                   EXTRACTOR_VERSIONS)
    with open_warehouse(path, read_only=True) as connection:
        attacks = connection.execute("""
            SELECT i.acled_event_type, i.incident_date, i.country_iso3, i.n_reports, i.fatalities
            FROM incidents i WHERE i.event_class <> 'Arrests' AND i.n_reports > 1""").fetchall()
        arrests = connection.execute("""
            SELECT e.fatalities, e.injured, a.acled_event_type, a.article_id = e.article_id
            FROM events e LEFT JOIN events a ON a.event_id = e.about_event_id
            WHERE e.event_class = 'Arrests' ORDER BY e.event_id""").fetchall()
        territory = connection.execute("SELECT count(*) FROM events WHERE event_class LIKE '%territory%'").fetchone()
        listed = connection.execute(sql_text("analysis/arrests_and_their_incidents.sql")).fetchall()
    assert attacks == [("Violence against civilians", datetime(2015, 3, 18).date(), "TUN", 3, 21)]
    assert arrests == [(None, None, "Violence against civilians", True)] * 2
    assert territory == (0,)
    assert sorted((row[4], row[6]) for row in listed) == [("Attack", 21), ("Attack", 21)]
    assert run_checks(path)["duplicate_keys"] == 0


HARBOUR_TEXTS = {
    "North Post": 'Harbour master Anna Berg spoke on Monday. "The harbour wall will not survive another winter '
                  'storm like the one we had in January. We need the council to pay for a new wall before the '
                  'autumn comes," Berg said.',
    "South Times": '"The harbour wall will not survive another winter storm like the one we had in January," '
                   'harbour master Anna Berg said on Monday.',
    "East Herald": 'Anna Berg, the harbour master, said on Monday: "We need the council to pay for a new wall '
                   'before the autumn comes."',
}


def load_harbour(path, nlp, extraction_rules, order):
    prepare_warehouse(path)
    for number, outlet in enumerate(order):
        text = HARBOUR_TEXTS[outlet]
        metadata = InputMetadata(external_id=outlet, title="Harbour", source=outlet, published_at=datetime(2021, 5, 9))
        batch = extract_batch([Document(article_id_for(text), f"{outlet}.txt", text, metadata)], nlp, extraction_rules)
        load_batch(path, f"run-{number}", batch, [(batch.articles[0].article_id, outlet)], [], EXTRACTOR_VERSIONS)


def test_a_quote_carrying_two_remarks_belongs_to_the_statement_of_each(tmp_path, nlp, extraction_rules):
    path = tmp_path / "w.duckdb"
    load_harbour(path, nlp, extraction_rules, list(HARBOUR_TEXTS))
    refresh_views(path)
    with open_warehouse(path, read_only=True) as connection:
        statements = connection.execute(
            "SELECT content, n_articles FROM statements WHERE n_articles > 1 ORDER BY content").fetchall()
        memberships = connection.execute("""
            SELECT a.publisher, list(qs.primary_statement ORDER BY qs.primary_statement)
            FROM quote_statements qs JOIN quotes q USING (quote_id) JOIN articles a USING (article_id)
            GROUP BY ALL ORDER BY ALL""").fetchall()
        unlinked = connection.execute("""
            SELECT count(*) FROM quote_statements qs JOIN statements s USING (statement_id)
            WHERE s.n_quotes > 1 AND qs.link_reason IS NULL""").fetchone()[0]
        assert connection.execute(sql_text("checks/duplicate_keys.sql")).fetchall() == []
    assert unlinked == 0  # each quote of a statement of several names its link, shared members included
    remarks = ["The harbour wall will not survive another winter storm like the one we had in January",
               "We need the council to pay for a new wall before the autumn comes"]
    assert [n for _, n in statements] == [2, 2]
    # the statement the long quote only carries shows the remark's own wording
    assert sum(content in remarks for content, _ in statements) == 1, statements
    assert memberships == [("East Herald", [True]), ("North Post", [False, True]), ("South Times", [True])]


def test_shared_statements_do_not_depend_on_the_load_order(tmp_path, nlp, extraction_rules):
    forward, backward = tmp_path / "forward.duckdb", tmp_path / "backward.duckdb"
    load_harbour(forward, nlp, extraction_rules, list(HARBOUR_TEXTS))
    load_harbour(backward, nlp, extraction_rules, list(reversed(HARBOUR_TEXTS)))
    assert link_rows(forward) == link_rows(backward)
    assert len(link_rows(forward)["quote_statements"]) == 4  # three quotes, one of them in two statements
