"""The warehouse on a real DuckDB file: migrations, idempotent batch loads, checks, exports."""

from __future__ import annotations


import polars as pl
import pytest

from extract.batch import extract_batch
from extract.components import EXTRACTOR_VERSIONS, extractors_to_rerun
from ingest.records import Document, IngestError, InputMetadata, article_id_for
from warehouse.connection import open_warehouse, prepare_warehouse
from warehouse.export import ExportRefused, export_tables, exports_are_current
from warehouse.load import find_stale_extractors, load_batch
from warehouse.migrate import (
    CommentRevision,
    Migration,
    MigrationError,
    available_migrations,
    comment_revisions,
    migrate,
    only_comments_changed,
    statements_checksum,
)
from warehouse.query import QueryRefused, run_query
from warehouse.views import refresh_views, run_checks

TABLES = ["articles", "article_inputs", "article_segments", "entity_mentions", "article_extractions",
          "quotes", "sources", "article_sources", "events", "event_actors", "event_casualties", "event_mentions",
          "places"]



def snapshot(path):
    with open_warehouse(path, read_only=True) as connection:
        return {table: connection.execute(f"SELECT COLUMNS(c -> c != 'run_id') FROM {table} ORDER BY ALL").fetchall()
                for table in TABLES}


def test_migrations_apply_once_and_are_recorded(tmp_path):
    path = tmp_path / "m.duckdb"
    assert prepare_warehouse(path) == [f"{m.version:03d}_{m.name}" for m in available_migrations()]
    assert prepare_warehouse(path) == []
    with open_warehouse(path, read_only=True) as connection:
        recorded = connection.execute("SELECT version, checksum FROM schema_migrations ORDER BY version").fetchall()
    assert recorded == [(m.version, m.checksum) for m in available_migrations()]


def test_an_edited_migration_is_refused(warehouse_path):
    with open_warehouse(warehouse_path) as connection:
        connection.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
        with pytest.raises(MigrationError, match="changed after it was applied"):
            migrate(connection)


def test_loading_a_batch_twice_leaves_the_same_rows(warehouse_path, seed_batch):
    inputs = [(a.article_id, a.source_uri) for a in seed_batch.articles]
    load_batch(warehouse_path, "run-1", seed_batch, inputs, [], EXTRACTOR_VERSIONS)
    first = snapshot(warehouse_path)
    load_batch(warehouse_path, "run-2", seed_batch, inputs, [], EXTRACTOR_VERSIONS)
    assert snapshot(warehouse_path) == first
    assert len(first["articles"]) == 1
    assert len(first["entity_mentions"]) == len(seed_batch.entity_mentions) > 50
    refresh_views(warehouse_path)
    assert run_checks(warehouse_path) == dict.fromkeys(run_checks(warehouse_path), 0)


def test_each_incident_is_one_row_with_every_mention(warehouse_path, seed_batch):
    load_batch(warehouse_path, "run-1", seed_batch,
               [(seed_batch.articles[0].article_id, "a.txt")], [], EXTRACTOR_VERSIONS)
    refresh_views(warehouse_path)
    rows = run_query(warehouse_path, """
        SELECT o.event_class, o.n_mentions, o.fatalities, e.date_source, e.acled_sub_event_type
        FROM event_overview AS o JOIN events AS e USING (event_id) ORDER BY e.trigger_start""").rows
    assert [(event_class, n) for event_class, n, *_ in rows] == [
        (e.event_class, len(e.mentions)) for e in sorted(seed_batch.events, key=lambda e: e.trigger_start)]
    assert ("Attack", 21, "sentence", "Attack") in [(c, k, d, a) for c, _, k, d, a in rows]
    assert run_query(warehouse_path, "SELECT count(*) FROM event_mentions").rows == [
        (sum(len(e.mentions) for e in seed_batch.events),)]
    with open_warehouse(warehouse_path) as connection:
        connection.execute("UPDATE event_mentions SET trigger_start = trigger_start + 1 WHERE ord = 1")
    failed = {name: n for name, n in run_checks(warehouse_path).items() if n}
    assert set(failed) == {"event_offsets_match_text"}


def test_stale_extractors_are_those_of_another_version(warehouse_path, seed_batch):
    article_id = seed_batch.articles[0].article_id
    assert find_stale_extractors(warehouse_path, [article_id], EXTRACTOR_VERSIONS) == {}  # not loaded
    load_batch(warehouse_path, "run-1", seed_batch, [(article_id, "a.txt")], [], EXTRACTOR_VERSIONS)
    assert find_stale_extractors(warehouse_path, [article_id, "unknown"], EXTRACTOR_VERSIONS) == {article_id: frozenset()}
    newer = EXTRACTOR_VERSIONS | {"entities": "entities.v999", "events": "events.v999"}
    assert find_stale_extractors(warehouse_path, [article_id], newer) == {article_id: frozenset({"entities", "events"})}
    assert find_stale_extractors(warehouse_path, [article_id], EXTRACTOR_VERSIONS | {"coref": "coref.v1"}) == {
        article_id: frozenset({"coref"})}  # an extractor never run for it


def test_a_new_extractor_version_replaces_only_that_extractors_rows(warehouse_path, seed_batch, nlp, extraction_rules):
    article = seed_batch.articles[0]
    load_batch(warehouse_path, "run-1", seed_batch, [(article.article_id, "a.txt")], [], EXTRACTOR_VERSIONS)
    before = snapshot(warehouse_path)
    newer = EXTRACTOR_VERSIONS | {"events": "events.v999"}
    rerun = {article.article_id: extractors_to_rerun(find_stale_extractors(warehouse_path, [article.article_id], newer)[article.article_id])}
    assert rerun == {article.article_id: frozenset({"events"})}
    document = Document(article.article_id, "a.txt", article.raw_text, InputMetadata())
    batch = extract_batch([document], nlp, extraction_rules, rerun=rerun)
    assert batch.events and not batch.entity_mentions and not batch.quotes  # only events were extracted
    load_batch(warehouse_path, "run-2", batch, [], [], newer)
    runs_by_table = run_query(warehouse_path, """
        SELECT 'articles', list(DISTINCT run_id) FROM articles UNION ALL
        SELECT 'entity_mentions', list(DISTINCT run_id) FROM entity_mentions UNION ALL
        SELECT 'quotes', list(DISTINCT run_id) FROM quotes UNION ALL
        SELECT 'events', list(DISTINCT run_id) FROM events ORDER BY 1""").rows
    assert dict(runs_by_table) == {"articles": ["run-1"], "entity_mentions": ["run-1"], "quotes": ["run-1"],
                                   "events": ["run-2"]}
    after = snapshot(warehouse_path)
    unchanged = [t for t in TABLES if t not in ("events", "article_extractions")]
    assert {t: after[t] for t in unchanged} == {t: before[t] for t in unchanged}
    assert len(after["events"]) == len(before["events"])  # same events, new version
    assert run_query(warehouse_path, "SELECT extractor, extractor_version FROM article_extractions "
                     "WHERE run_id = 'run-2'").rows == [("events", "events.v999")]
    assert find_stale_extractors(warehouse_path, [article.article_id], newer) == {article.article_id: frozenset()}


def test_a_new_layout_or_quote_version_reruns_what_depends_on_it():
    assert extractors_to_rerun({"layout"}) == frozenset(EXTRACTOR_VERSIONS)
    assert extractors_to_rerun({"sources"}) == {"quotes", "sources"}
    assert extractors_to_rerun({"entities", "events"}) == {"entities", "events"}
    assert extractors_to_rerun(set()) == frozenset()


def test_checks_catch_a_corrupted_offset(warehouse_path, seed_batch):
    load_batch(warehouse_path, "run-1", seed_batch,
               [(seed_batch.articles[0].article_id, "a.txt")], [], EXTRACTOR_VERSIONS)
    with open_warehouse(warehouse_path) as connection:
        connection.execute("UPDATE entity_mentions SET start = start + 1 WHERE label = 'PERSON'")
    failed = {name: n for name, n in run_checks(warehouse_path).items() if n}
    assert set(failed) == {"entity_text_matches_raw_text"}


def test_checks_catch_a_repeated_row(warehouse_path, seed_batch):
    load_batch(warehouse_path, "run-1", seed_batch,
               [(seed_batch.articles[0].article_id, "a.txt")], [], EXTRACTOR_VERSIONS)
    with open_warehouse(warehouse_path) as connection:
        assert connection.execute("SELECT count(*) FROM duckdb_indexes()").fetchone() == (0,)  # no index to rewrite
        connection.execute("INSERT INTO entity_mentions SELECT * FROM entity_mentions LIMIT 1")
    failed = {name: n for name, n in run_checks(warehouse_path).items() if n}
    assert failed == {"duplicate_keys": 1}


def test_exports_are_readable_parquet_partitioned_by_month(warehouse_path, seed_batch, tmp_path):
    load_batch(warehouse_path, "run-1", seed_batch,
               [(seed_batch.articles[0].article_id, "a.txt")],
               [IngestError("bad.bin", "binary", "NUL byte")], EXTRACTOR_VERSIONS)
    export_dir = tmp_path / "exports"
    written = export_tables(warehouse_path, export_dir)
    assert (export_dir / "articles" / "year_month=2015-03").is_dir()
    articles = pl.read_parquet(export_dir / "articles" / "**" / "*.parquet", hive_partitioning=True)
    assert articles["title"].to_list() == [seed_batch.articles[0].title]
    assert pl.read_parquet(written["entity_mentions"]).height == len(seed_batch.entity_mentions)
    assert pl.read_parquet(written["ingest_errors"])["error_kind"].to_list() == ["binary"]
    export_tables(warehouse_path, export_dir)  # a second export replaces the first in place
    assert not [p for p in export_dir.iterdir() if p.name.startswith(".")]
    assert exports_are_current(warehouse_path, export_dir)
    load_batch(warehouse_path, "run-2", seed_batch, [], [IngestError("worse.bin", "binary", "NUL byte")],
               EXTRACTOR_VERSIONS)
    assert not exports_are_current(warehouse_path, export_dir)  # a new quarantine row: export again


def test_an_export_never_replaces_what_wirehouse_did_not_write(warehouse_path, tmp_path):
    """`export --to DIR` had removed DIR/articles/ whole, a user's file inside it too: a folder
    that no export wrote, or a partition folder holding a stranger, is refused before any write."""
    theirs = tmp_path / "theirs"
    (theirs / "articles").mkdir(parents=True)
    (theirs / "articles" / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportRefused, match="no wirehouse export wrote"):
        export_tables(warehouse_path, theirs)
    assert sorted(p.name for p in theirs.rglob("*")) == ["articles", "keep.txt"]
    ours = tmp_path / "ours"
    export_tables(warehouse_path, ours)
    (ours / "articles" / "keep.txt").write_text("mine", encoding="utf-8")  # dropped into an export
    with pytest.raises(ExportRefused, match="keep.txt"):
        export_tables(warehouse_path, ours)
    assert (ours / "articles" / "keep.txt").read_text(encoding="utf-8") == "mine"
    (ours / "articles" / "keep.txt").unlink()
    export_tables(warehouse_path, ours)  # its own folder: replaced in place


def test_queries_are_read_only(warehouse_path):
    assert run_query(warehouse_path, "SELECT count(*) AS n FROM articles").rows == [(0,)]
    with pytest.raises(QueryRefused):
        run_query(warehouse_path, "DELETE FROM articles")


def test_sources_merge_across_articles_unless_affiliations_conflict(warehouse_path, seed_batch, nlp, extraction_rules):
    load_batch(warehouse_path, "run-1", seed_batch, [(seed_batch.articles[0].article_id, "seed.txt")], [],
               EXTRACTOR_VERSIONS)
    others = [
        '"The ceasefire will not hold," said Thomas Pierret.',
        '"The talks are over," said Thomas Pierret, a historian at the University of Oxford.',
    ]
    documents = [Document(article_id_for(text), f"other-{n}.txt", text, InputMetadata()) for n, text in enumerate(others)]
    batch = extract_batch(documents, nlp, extraction_rules)
    load_batch(warehouse_path, "run-2", batch, [(d.article_id, d.source_uri) for d in documents], [],
               EXTRACTOR_VERSIONS)
    rows = run_query(warehouse_path, """
        SELECT a.source_uri, s.source_id, s.affiliation
        FROM quotes q JOIN articles a USING (article_id) JOIN sources s USING (source_id)
        WHERE s.name = 'Thomas Pierret' ORDER BY a.source_uri""").rows
    by_uri = {}
    for uri, source_id, affiliation in rows:
        by_uri.setdefault(uri, set()).add((source_id, affiliation))
    (seed_source,) = by_uri["seeds/seed.txt"]
    assert seed_source[1] == "University of Edinburgh"
    assert by_uri["other-0.txt"] == {seed_source}  # no affiliation: the same Thomas Pierret
    (oxford,) = by_uri["other-1.txt"]
    assert oxford[0] != seed_source[0]  # another affiliation: another source
    refresh_views(warehouse_path)
    assert not any(run_checks(warehouse_path).values())


def test_a_first_export_that_failed_halfway_can_be_retried(warehouse_path, tmp_path, monkeypatch):
    """The folder is marked as an export's before any table is written, so the Parquet files a
    failed first export left are wirehouse's and a retry replaces them."""
    import warehouse.export as export

    calls = []
    original = export._write_table

    def fails_on_the_second_table(connection, table, export_dir):
        calls.append(table)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return original(connection, table, export_dir)

    target = tmp_path / "exports"
    monkeypatch.setattr(export, "_write_table", fails_on_the_second_table)
    with pytest.raises(OSError):
        export_tables(warehouse_path, target)
    assert any(p.suffix == ".parquet" for p in target.iterdir())  # half an export was left
    monkeypatch.setattr(export, "_write_table", original)
    export_tables(warehouse_path, target)
    assert exports_are_current(warehouse_path, target)


SPELLINGS = {
    "full": ('Senator Elizabeth Warren spoke in Ohio on Monday. "We will carry this state," Elizabeth Warren said. '
             '"Nobody here is giving up," Warren added.'),
    "misspelt": 'The senator was upbeat. "The party is united behind our nominee," Elizabteh Warren said.',
    "middle": 'Officials met on Friday. "We will win in November," Elizabeth A. Warren said.',
    "lone": 'A rally was held in Iowa. "The convention will be calm," Warren said.',
    "other": 'A second rally was held. "The roads are closed," Peter Warren said on Sunday.',
}


def test_one_person_spelt_four_ways_in_four_batches_is_one_source(tmp_path, nlp, extraction_rules):
    """Each article is a batch of its own, loaded in order: a misspelt given name, a middle initial
    and the lone surname join the person already known; another Priebus stays apart."""
    from extract.batch import extract_batch
    from extract.components import EXTRACTOR_VERSIONS
    from ingest.records import Document, InputMetadata, article_id_for
    from warehouse.connection import prepare_warehouse
    from warehouse.load import load_batch

    path = tmp_path / "w.duckdb"
    prepare_warehouse(path)
    for number, (name, text) in enumerate(SPELLINGS.items()):
        document = Document(article_id_for(text), f"{name}.txt", text, InputMetadata(external_id=name))
        batch = extract_batch([document], nlp, extraction_rules)
        load_batch(path, f"run-{number}", batch, [(document.article_id, name)], [], EXTRACTOR_VERSIONS)
    with open_warehouse(path, read_only=True) as connection:
        rows = connection.execute("""
            SELECT a.external_id, s.name FROM quotes q JOIN articles a USING (article_id)
            JOIN sources s USING (source_id) ORDER BY a.external_id""").fetchall()
    by_article = dict(rows)
    assert {by_article[name] for name in ("full", "misspelt", "middle", "lone")} == {"Elizabeth Warren"}, rows
    assert by_article["other"] == "Peter Warren"


def test_a_migration_whose_comments_alone_were_revised_is_accepted_and_recorded_anew(warehouse_path):
    revisions = comment_revisions()
    version, revision = next(iter(revisions.items()))
    migration = next(m for m in available_migrations() if m.version == version)
    assert migration.checksum != revision.previous_checksum  # the file did change
    with open_warehouse(warehouse_path) as connection:  # as a warehouse migrated before the revision
        connection.execute("UPDATE schema_migrations SET checksum = $1 WHERE version = $2",
                           [revision.previous_checksum, version])
        assert migrate(connection) == []
        assert connection.execute("SELECT checksum FROM schema_migrations WHERE version = $1",
                                  [version]).fetchone() == (migration.checksum,)


def test_a_revision_that_changed_a_statement_is_refused(tmp_path):
    path = tmp_path / "011_web_inputs.sql"
    path.write_text("-- what it adds\nALTER TABLE runs ADD COLUMN n_pages INTEGER;\n", encoding="utf-8")
    migration = Migration(11, "web_inputs", path, "new")
    listed = {11: CommentRevision(11, "old", statements_checksum("-- what it adds, reworded\n"
                                                                 "ALTER TABLE runs ADD COLUMN n_pages INTEGER;\n"), "")}
    assert only_comments_changed(migration, "old", listed)
    path.write_text("-- what it adds\nALTER TABLE runs ADD COLUMN n_pages BIGINT;\n", encoding="utf-8")
    assert not only_comments_changed(migration, "old", listed)
    assert not only_comments_changed(migration, "other", listed)
