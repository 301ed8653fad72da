"""Bulk loading of extracted batches: Arrow tables in, one transaction per batch."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

from transforms.articles import Article
from transforms.documents import IngestError
from transforms.entities import EntityMention
from warehouse.connection import open_warehouse
from warehouse.sql_files import sql_text

ARTICLES_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("source_uri", pa.string()), ("external_id", pa.string()),
    ("url", pa.string()), ("raw_text", pa.string()), ("title", pa.string()), ("byline", pa.string()),
    ("dateline", pa.string()), ("dateline_date_text", pa.string()), ("agency", pa.string()),
    ("publisher", pa.string()), ("published_at", pa.timestamp("us")), ("published_at_source", pa.string()),
    ("language", pa.string()), ("body_start", pa.int32()), ("body_end", pa.int32()),
    ("word_count", pa.int32()), ("layout_version", pa.string()), ("run_id", pa.string()),
    ("loaded_at", pa.timestamp("us")),
])
INPUTS_SCHEMA = pa.schema([("article_id", pa.string()), ("source_uri", pa.string()), ("run_id", pa.string())])
SEGMENTS_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("kind", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
    ("value", pa.string()), ("extractor_version", pa.string()), ("run_id", pa.string()),
])
ENTITY_MENTIONS_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("label", pa.string()), ("text", pa.string()), ("start", pa.int32()),
    ("end", pa.int32()), ("entity_id", pa.string()), ("extractor_version", pa.string()), ("run_id", pa.string()),
])
EXTRACTIONS_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("extractor", pa.string()), ("extractor_version", pa.string()), ("run_id", pa.string()),
])
ERRORS_SCHEMA = pa.schema([
    ("run_id", pa.string()), ("source_uri", pa.string()), ("error_kind", pa.string()),
    ("message", pa.string()), ("at", pa.timestamp("us")),
])


@dataclass(frozen=True)
class RunCounts:
    """What a run read and wrote, for the runs table and the summary."""

    n_inputs: int = 0
    n_articles_new: int = 0
    n_articles_existing: int = 0
    n_duplicates: int = 0
    n_quarantined: int = 0
    n_entity_mentions: int = 0

    def __add__(self, other: "RunCounts") -> "RunCounts":
        return RunCounts(*(a + b for a, b in zip(vars(self).values(), vars(other).values(), strict=True)))


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def articles_table(articles: Sequence[Article], layout_version: str, run_id: str, loaded_at: datetime) -> pa.Table:
    from_article = [name for name in ARTICLES_SCHEMA.names if name not in ("layout_version", "run_id", "loaded_at")]
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


def extractions_table(article_ids: Sequence[str], versions: Mapping[str, str], run_id: str) -> pa.Table:
    rows = [
        {"article_id": article_id, "extractor": extractor, "extractor_version": version, "run_id": run_id}
        for article_id in article_ids
        for extractor, version in sorted(versions.items())
    ]
    return pa.Table.from_pylist(rows, schema=EXTRACTIONS_SCHEMA)


def errors_table(errors: Sequence[IngestError], run_id: str, at: datetime) -> pa.Table:
    rows = [{"run_id": run_id, "source_uri": e.source_uri, "error_kind": e.error_kind, "message": e.message, "at": at}
            for e in errors]
    return pa.Table.from_pylist(rows, schema=ERRORS_SCHEMA)


def find_extracted(path: Path, article_ids: Iterable[str], versions: Mapping[str, str]) -> set[str]:
    """The article ids already loaded with every one of the given extractor versions."""
    candidates = pa.table({"article_id": pa.array(sorted(set(article_ids)), pa.string())})
    if candidates.num_rows == 0:
        return set()
    staged_versions = pa.table({"extractor": list(versions), "extractor_version": list(versions.values())})
    with open_warehouse(path) as connection:
        connection.register("staged_candidates", candidates)
        connection.register("staged_versions", staged_versions)
        return {row[0] for row in connection.execute(sql_text("load/select_extracted_articles.sql")).fetchall()}


def load_batch(
    path: Path,
    run_id: str,
    articles: Sequence[Article],
    entity_mentions: Sequence[EntityMention],
    inputs: Sequence[tuple[str, str]],
    errors: Sequence[IngestError],
    versions: Mapping[str, str],
) -> None:
    """Load one batch in one transaction: articles upserted, their child rows replaced,
    every (article, path) pair and every quarantined input recorded. All or nothing."""
    now = utc_now()
    staged = {
        "staged_articles": articles_table(articles, versions["layout"], run_id, now),
        "staged_segments": segments_table(articles, versions["layout"], run_id),
        "staged_entity_mentions": entity_mentions_table(entity_mentions, versions["entities"], run_id),
        "staged_extractions": extractions_table([a.article_id for a in articles], versions, run_id),
        "staged_inputs": pa.Table.from_pylist(
            [{"article_id": a, "source_uri": s, "run_id": run_id} for a, s in inputs], schema=INPUTS_SCHEMA),
        "staged_errors": errors_table(errors, run_id, now),
    }
    statements = [
        "load/upsert_articles.sql",
        "load/delete_article_segments.sql",
        "load/insert_article_segments.sql",
        "load/delete_entity_mentions.sql",
        "load/insert_entity_mentions.sql",
        "load/upsert_article_extractions.sql",
        "load/insert_article_inputs.sql",
        "load/insert_ingest_errors.sql",
    ]
    with open_warehouse(path) as connection:
        for name, table in staged.items():
            connection.register(name, table)
        _in_transaction(connection, [sql_text(statement) for statement in statements])


def _in_transaction(connection: duckdb.DuckDBPyConnection, statements: Sequence[str]) -> None:
    connection.execute("BEGIN TRANSACTION")
    try:
        for statement in statements:
            connection.execute(statement)
        connection.execute("COMMIT")
    except Exception:
        connection.execute("ROLLBACK")
        raise


def start_run(
    path: Path, run_id: str, flow_run_id: str | None, inputs: Sequence[str],
    model_name: str, model_version: str, versions: Mapping[str, str],
) -> datetime:
    """Insert the run's row with status 'running'; return its start time."""
    started_at = utc_now()
    with open_warehouse(path) as connection:
        connection.execute(sql_text("runs/insert_run.sql"), [
            run_id, flow_run_id, started_at, list(inputs), model_name, model_version,
            json.dumps(dict(versions), sort_keys=True),
        ])
    return started_at


def finish_run(path: Path, run_id: str, status: str, counts: RunCounts, error_message: str | None = None) -> datetime:
    """Close the run's row with its counts and final status; return the finish time."""
    finished_at = utc_now()
    with open_warehouse(path) as connection:
        connection.execute(sql_text("runs/finish_run.sql"), [
            run_id, finished_at, status, counts.n_inputs, counts.n_articles_new, counts.n_articles_existing,
            counts.n_duplicates, counts.n_quarantined, counts.n_entity_mentions, error_message,
        ])
    return finished_at
