"""Bulk loading of extracted batches: Arrow tables in, one transaction per batch."""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from extract.articles import Article
from extract.attribution import ArticleSource, KnownSource, Quote, assign_source_ids
from extract.batch import ExtractedBatch
from extract.entities import EntityMention
from extract.person_names import NameRules, canonical_person_keys, load_name_rules, person_name
from extract.events.records import Event, event_id_for
from ingest.records import IngestError, InputRow
from link.incidents import load_incident_rules
from warehouse.connection import open_warehouse
from warehouse.linking import link_run
from warehouse.runs import RunCounts, utc_now
from warehouse.sql_files import installed_data_dir, sql_text
from warehouse.tables import arrow_schema
from warehouse.transaction import transaction

# The Arrow schemas batches are staged with, each derived from its table's declaration.
ARTICLES_SCHEMA = arrow_schema("articles")
INPUTS_SCHEMA = arrow_schema("article_inputs")
SEGMENTS_SCHEMA = arrow_schema("article_segments")
ENTITY_MENTIONS_SCHEMA = arrow_schema("entity_mentions")
EXTRACTIONS_SCHEMA = arrow_schema("article_extractions")
SOURCES_SCHEMA = arrow_schema("sources")
ARTICLE_SOURCES_SCHEMA = arrow_schema("article_sources")
QUOTES_SCHEMA = arrow_schema("quotes")
EVENTS_SCHEMA = arrow_schema("events")
EVENT_ACTORS_SCHEMA = arrow_schema("event_actors")
EVENT_CASUALTIES_SCHEMA = arrow_schema("event_casualties")
EVENT_MENTIONS_SCHEMA = arrow_schema("event_mentions")
EVENT_PLACES_SCHEMA = arrow_schema("places")
ERRORS_SCHEMA = arrow_schema("ingest_errors")


def articles_table(articles: Sequence[Article], layout_version: str, run_id: str, loaded_at: datetime) -> pa.Table:
    from_article = [name for name in ARTICLES_SCHEMA.names
                    if name not in ("layout_version", "run_id", "loaded_at")]
    rows = [
        {name: getattr(article, name) for name in from_article}
        | {"layout_version": layout_version, "run_id": run_id, "loaded_at": loaded_at}
        for article in articles
    ]
    return pa.Table.from_pylist(rows, schema=ARTICLES_SCHEMA)


def segments_table(articles: Sequence[Article], layout_version: str, run_id: str) -> pa.Table:
    rows = [
        {"article_id": article.article_id, "kind": segment.kind, "start": segment.start, "end": segment.end,
         "value": segment.value, "extractor_version": layout_version, "run_id": run_id}
        for article in articles
        for segment in article.segments
    ]
    return pa.Table.from_pylist(rows, schema=SEGMENTS_SCHEMA)


def entity_mentions_table(mentions: Sequence[EntityMention], version: str, run_id: str) -> pa.Table:
    return pa.table(
        {
            "article_id": [m.article_id for m in mentions],
            "label": [m.label for m in mentions],
            "text": [m.text for m in mentions],
            "start": [m.start for m in mentions],
            "end": [m.end for m in mentions],
            "entity_id": [m.entity_id for m in mentions],
            "extractor_version": [version] * len(mentions),
            "run_id": [run_id] * len(mentions),
        },
        schema=ENTITY_MENTIONS_SCHEMA,
    )


def extractions_table(extractors: Mapping[str, frozenset[str]], versions: Mapping[str, str], run_id: str) -> pa.Table:
    """One row per (article, extractor that ran): the load replaces exactly these rows."""
    rows = [
        {"article_id": article_id, "extractor": extractor, "extractor_version": versions[extractor], "run_id": run_id}
        for article_id, ran in extractors.items()
        for extractor in sorted(ran)
    ]
    return pa.Table.from_pylist(rows, schema=EXTRACTIONS_SCHEMA)


def errors_table(errors: Sequence[IngestError], run_id: str, at: datetime) -> pa.Table:
    rows = [{"run_id": run_id, "source_uri": e.source_uri, "error_kind": e.error_kind, "message": e.message, "at": at,
             "article_id": e.article_id} for e in errors]
    return pa.Table.from_pylist(rows, schema=ERRORS_SCHEMA)


def find_stale_extractors(path: Path, article_ids: Iterable[str], versions: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """For each of the given articles already in the warehouse, the extractors whose rows
    were not produced by the given versions (empty: nothing to do). Articles the warehouse
    does not hold are left out."""
    candidates = pa.table({"article_id": pa.array(sorted(set(article_ids)), pa.string())})
    if candidates.num_rows == 0:
        return {}
    staged_versions = pa.table({"extractor": list(versions), "extractor_version": list(versions.values())})
    with open_warehouse(path) as connection:
        connection.register("staged_candidates", candidates)
        connection.register("staged_versions", staged_versions)
        rows = connection.execute(sql_text("load/select_stale_extractors.sql")).fetchall()
    return {article_id: frozenset(stale) for article_id, stale in rows}


def quote_id_for(article_id: str, content_start: int, content_end: int, cue_start: int | None) -> str:
    """Stable quote id: the article and the spans of content and cue."""
    key = f"{article_id}|{content_start}|{content_end}|{cue_start}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _constant(value: str, rows: int) -> pa.Array:
    return pa.array([value] * rows, pa.string())


@functools.lru_cache(maxsize=1)
def installed_name_rules() -> NameRules:
    """The name rules of the installed seeds, for callers that give none."""
    return load_name_rules(installed_data_dir("seeds"))


def join_person_variants(connection: duckdb.DuckDBPyConnection, article_sources: pa.Table, quotes: pa.Table,
                         names: NameRules) -> tuple[pa.Table, pa.Table]:
    """Give the persons this batch names by a variant spelling ("Rence Priebus", "H. Clinton", a
    lone "Trump") the key of the known or staged person they name
    (extract.person_names.canonical_person_keys); an article's rows that then share a key merge."""
    counts: dict[str, int] = {}
    for key, n_quotes in zip(article_sources.column("source_key").to_pylist(), article_sources.column("n_quotes").to_pylist()):
        if key.startswith("person:"):
            counts[key] = counts.get(key, 0) + n_quotes
    parsed = [person_name(key.removeprefix("person:"), names) for key in counts]
    surnames = sorted({name.surname.split()[-1] for name in parsed if name is not None})
    if not surnames:
        return article_sources, quotes
    connection.register("staged_surnames", pa.table({"surname": pa.array(surnames, pa.string())}))
    known = [(key, n_quotes) for key, n_quotes in connection.execute(sql_text("load/select_known_people.sql")).fetchall()]
    rewrites = canonical_person_keys(counts, known, names)
    if not rewrites:
        return article_sources, quotes
    return _merge_rewritten(article_sources, rewrites), _rewrite_column(quotes, "source_key", rewrites)


def _merge_rewritten(article_sources: pa.Table, rewrites: Mapping[str, str]) -> pa.Table:
    """The article sources with rewritten keys, one row per (article, key): the name of a row
    that had the key already, the first mention, description and affiliation, the quotes summed."""
    rows = article_sources.to_pylist()
    names = {row["source_key"]: row["name"] for row in rows if row["source_key"] not in rewrites}
    merged: dict[tuple[str, str], dict] = {}
    for row in rows:
        key = rewrites.get(row["source_key"], row["source_key"])
        row = row | {"source_key": key, "name": names.get(key, row["name"])}
        previous = merged.get((row["article_id"], key))
        if previous is None:
            merged[(row["article_id"], key)] = row
            continue
        for column in ("mention_text", "description", "affiliation"):
            previous[column] = previous[column] or row[column]
        previous["n_quotes"] += row["n_quotes"]
    return pa.Table.from_pylist(list(merged.values()), schema=article_sources.schema)


def _rewrite_column(table: pa.Table, column: str, rewrites: Mapping[str, str]) -> pa.Table:
    values = [rewrites.get(value, value) if value is not None else None for value in table.column(column).to_pylist()]
    position = table.schema.get_field_index(column)
    return table.set_column(position, table.schema.field(position), pa.array(values, table.schema.field(position).type))


def source_tables(connection: duckdb.DuckDBPyConnection, article_sources: pa.Table, quotes: pa.Table,
                  versions: Mapping[str, str], run_id: str,
                  names: NameRules | None = None) -> tuple[pa.Table, pa.Table, pa.Table]:
    """Give every article source and quote its source_id, merging with the sources already in the
    warehouse (extract.attribution.assign_source_ids) after variant spellings of a person took
    that person's key (join_person_variants); return sources, article sources and quotes as
    Arrow tables made from the staged columns (no record is built again)."""
    article_sources, quotes = join_person_variants(connection, article_sources, quotes, names or installed_name_rules())
    keys = article_sources.column("source_key").to_pylist()
    affiliations = article_sources.column("affiliation").to_pylist()
    connection.register("staged_source_keys", pa.table({"source_key": pa.array(sorted(set(keys)), pa.string())}))
    known = [KnownSource(*row) for row in connection.execute(sql_text("load/select_known_sources.sql")).fetchall()]
    ids = assign_source_ids(list(zip(keys, affiliations)), known)
    source_ids = [ids[pair] for pair in zip(keys, affiliations)]
    by_article_key = dict(zip(zip(article_sources.column("article_id").to_pylist(), keys), source_ids))
    rows = article_sources.num_rows
    staged_article_sources = pa.table({
        "article_id": article_sources["article_id"], "source_id": pa.array(source_ids, pa.string()),
        "mention_text": article_sources["mention_text"], "description": article_sources["description"],
        "affiliation": article_sources["affiliation"], "n_quotes": article_sources["n_quotes"],
        "extractor_version": _constant(versions["sources"], rows), "run_id": _constant(run_id, rows),
    }).cast(ARTICLE_SOURCES_SCHEMA)
    sources = _sources_table(article_sources, source_ids, versions["sources"], run_id)
    return sources, staged_article_sources, _quotes_table(quotes, by_article_key, versions["quotes"], run_id)


def _sources_table(article_sources: pa.Table, source_ids: list[str], version: str, run_id: str) -> pa.Table:
    """One row per source: its key, name and kind as first seen, and the first affiliation given."""
    sources: dict[str, dict] = {}
    columns = zip(source_ids, *(article_sources.column(name).to_pylist()
                                for name in ("source_key", "name", "kind", "affiliation")))
    for source_id, source_key, name, kind, affiliation in columns:
        entry = sources.setdefault(source_id, {
            "source_id": source_id, "source_key": source_key, "name": name, "kind": kind,
            "affiliation": None, "extractor_version": version, "run_id": run_id})
        entry["affiliation"] = entry["affiliation"] or affiliation
    return pa.Table.from_pylist(list(sources.values()), schema=SOURCES_SCHEMA)


def _quotes_table(quotes: pa.Table, by_article_key: Mapping[tuple[str, str], str], version: str,
                  run_id: str) -> pa.Table:
    """The staged quotes with their ids and their speakers' source ids."""
    article_ids = quotes.column("article_id").to_pylist()
    keys = quotes.column("source_key").to_pylist()
    spans = zip(article_ids, *(quotes.column(name).to_pylist() for name in ("content_start", "content_end", "cue_start")))
    rows = quotes.num_rows
    return pa.table({
        "quote_id": pa.array([quote_id_for(*span) for span in spans], pa.string()),
        "source_id": pa.array([by_article_key.get((a, k)) if k else None for a, k in zip(article_ids, keys)],
                              pa.string()),
        **{name: quotes[name] for name in QUOTES_SCHEMA.names
           if name not in ("quote_id", "source_id", "extractor_version", "run_id")},
        "extractor_version": _constant(version, rows), "run_id": _constant(run_id, rows),
    }).select(QUOTES_SCHEMA.names).cast(QUOTES_SCHEMA)


def event_tables(events: Sequence[Event], version: str, run_id: str) -> dict[str, pa.Table]:
    """Events, their actors, casualty parts, mentions and places as Arrow tables."""
    from_event = [name for name in EVENTS_SCHEMA.names if name not in ("event_id", "extractor_version", "run_id")]
    rows, actors, casualties, mentions, places = [], [], [], [], {}
    for event in events:
        event_id = event_id_for(event)
        rows.append({"event_id": event_id, **{name: getattr(event, name) for name in from_event},
                     "extractor_version": version, "run_id": run_id})
        actors += [{"event_id": event_id, **vars(actor)} for actor in event.actors]
        casualties += [{"event_id": event_id, "ord": number, **vars(part)} for number, part in enumerate(event.casualties)]
        mentions += [{"event_id": event_id, "ord": number, **vars(mention)}
                     for number, mention in enumerate(event.mentions)]
        if event.geonameid is not None:
            places[event.geonameid] = {"geonameid": event.geonameid, "name": event.place_name,
                                       "country_iso3": event.country_iso3, "admin1": event.admin1,
                                       "latitude": event.latitude, "longitude": event.longitude}
    return {
        "staged_events": pa.Table.from_pylist(rows, schema=EVENTS_SCHEMA),
        "staged_event_actors": pa.Table.from_pylist(actors, schema=EVENT_ACTORS_SCHEMA),
        "staged_event_casualties": pa.Table.from_pylist(casualties, schema=EVENT_CASUALTIES_SCHEMA),
        "staged_event_mentions": pa.Table.from_pylist(mentions, schema=EVENT_MENTIONS_SCHEMA),
        "staged_event_places": pa.Table.from_pylist(list(places.values()), schema=EVENT_PLACES_SCHEMA),
    }


LOAD_STATEMENTS = [
    "load/upsert_articles.sql",
    "load/delete_article_segments.sql",
    "load/insert_article_segments.sql",
    "load/delete_entity_mentions.sql",
    "load/insert_entity_mentions.sql",
    "load/delete_quotes.sql",
    "load/delete_article_sources.sql",
    "load/insert_new_sources.sql",
    "load/fill_source_affiliations.sql",
    "load/insert_article_sources.sql",
    "load/insert_quotes.sql",
    "load/delete_orphan_sources.sql",
    "load/delete_events.sql",
    "load/insert_events.sql",
    "load/upsert_article_extractions.sql",
    "load/insert_article_inputs.sql",
    "load/insert_ingest_errors.sql",
]


@dataclass(frozen=True)
class StagedBatch:
    """One batch as Arrow tables, built where it was extracted (a worker process or a Dask
    worker) so that the single writer only runs SQL. Quotes and article sources travel as
    Arrow too, keyed by source_key until the load gives them source ids."""

    tables: Mapping[str, pa.Table]
    article_sources: pa.Table
    quotes: pa.Table
    counts: RunCounts
    seconds: Mapping[str, float] = field(default_factory=dict)  # layout, parse, extract, stage


def _records_table(records: Sequence, record_type: type) -> pa.Table:
    names = [f.name for f in fields(record_type)]
    return pa.Table.from_pylist([vars(r) for r in records]) if records else pa.table({n: [] for n in names})


def inputs_table(inputs: Sequence[InputRow], run_id: str) -> pa.Table:
    """The article_inputs rows of a batch; an (article_id, source_uri) pair is an InputRow too."""
    return pa.Table.from_pylist([InputRow(*row)._asdict() | {"run_id": run_id} for row in inputs], schema=INPUTS_SCHEMA)


def stage_batch(
    run_id: str,
    batch: ExtractedBatch,
    inputs: Sequence[InputRow],
    errors: Sequence[IngestError],
    versions: Mapping[str, str],
    counts: RunCounts = RunCounts(),
) -> StagedBatch:
    """Everything of one batch as Arrow tables; pure (no warehouse). Only the extractors that
    ran for an article (batch.extractors) have rows staged, and only those will be replaced."""
    started = time.perf_counter()
    now = utc_now()
    # an article whose layout is current keeps its row and segments; only what ran is replaced
    laid_out = [a for a in batch.articles if "layout" in batch.extractors[a.article_id]]
    tables = {
        "staged_articles": articles_table(laid_out, versions["layout"], run_id, now),
        "staged_segments": segments_table(laid_out, versions["layout"], run_id),
        "staged_entity_mentions": entity_mentions_table(batch.entity_mentions, versions["entities"], run_id),
        "staged_extractions": extractions_table(batch.extractors, versions, run_id),
        "staged_inputs": inputs_table(inputs, run_id),
        "staged_errors": errors_table([*errors, *batch.errors], run_id, now),
    } | event_tables(batch.events, versions["events"], run_id)
    article_sources = _records_table(batch.article_sources, ArticleSource)
    quotes = _records_table(batch.quotes, Quote)
    return StagedBatch(tables, article_sources, quotes, counts,
                       batch.seconds | {"stage": time.perf_counter() - started})


def load_staged(path: Path, run_id: str, staged: StagedBatch, versions: Mapping[str, str],
                names: NameRules | None = None) -> None:
    """Load one staged batch in one transaction: articles upserted, their child rows replaced,
    sources merged with those already known, every (article, path) pair and every
    quarantined input recorded. All or nothing: a batch killed half-way leaves no row.
    Linking across articles follows the run's loads (warehouse.linking.link_run)."""
    with open_warehouse(path) as connection:
        with transaction(connection):
            sources, article_sources, quotes = source_tables(connection, staged.article_sources, staged.quotes,
                                                             versions, run_id, names)
            tables = dict(staged.tables) | {"staged_sources": sources, "staged_article_sources": article_sources,
                                            "staged_quotes": quotes}
            for name, table in tables.items():
                connection.register(name, table)
            for statement in LOAD_STATEMENTS:
                connection.execute(sql_text(statement))


def load_batch(
    path: Path,
    run_id: str,
    batch: ExtractedBatch,
    inputs: Sequence[InputRow],
    errors: Sequence[IngestError],
    versions: Mapping[str, str],
    seeds_dir: Path | None = None,
) -> None:
    """Stage and load one batch as a run of its own: one transaction (batch.errors are
    quarantined too), then its events linked into incidents and its quotes into statements."""
    names = load_name_rules(seeds_dir) if seeds_dir is not None else None
    load_staged(path, run_id, stage_batch(run_id, batch, inputs, errors, versions), versions, names)
    link_run(path, run_id, load_incident_rules(seeds_dir or installed_data_dir("seeds")))
