"""A run's row in `runs`: opened when the run starts (marking runs that never finished as
interrupted), closed with its counts and final status; the counts themselves."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from warehouse.connection import open_warehouse
from warehouse.sql_files import sql_text


@dataclass(frozen=True)
class RunCounts:
    """What a run read and wrote, for the runs table and the summary."""

    n_inputs: int = 0
    n_articles_new: int = 0
    n_articles_existing: int = 0
    n_articles_reextracted: int = 0  # already loaded, some extractor re-run (its version changed)
    n_duplicates: int = 0
    n_quarantined: int = 0
    n_entity_mentions: int = 0
    n_quotes: int = 0
    n_article_sources: int = 0
    n_events: int = 0
    n_articles_other_language: int = 0  # loaded without the extractors: a language the pipeline does not cover
    n_records_skipped: int = 0  # WARC records that are no HTML page
    n_files_unchanged: int = 0  # input files skipped unread: as a completed run last read them

    def __add__(self, other: "RunCounts") -> "RunCounts":
        return RunCounts(*(a + b for a, b in zip(vars(self).values(), vars(other).values(), strict=True)))


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def start_run(
    path: Path, run_id: str, flow_run_id: str | None, inputs: Sequence[str],
    model_name: str, model_version: str, versions: Mapping[str, str],
) -> datetime:
    """Mark runs that never finished as interrupted, insert this run's row with status
    'running'; return its start time."""
    started_at = utc_now()
    with open_warehouse(path) as connection:
        connection.execute(sql_text("runs/mark_interrupted_runs.sql"), [started_at])
        connection.execute(sql_text("runs/insert_run.sql"), [
            run_id, flow_run_id, started_at, list(inputs), model_name, model_version,
            json.dumps(dict(versions), sort_keys=True),
        ])
    return started_at


def finish_run(path: Path, run_id: str, status: str, counts: RunCounts, error_message: str | None = None) -> datetime:
    """Close the run's row with its counts and final status; return the finish time."""
    finished_at = utc_now()
    with open_warehouse(path) as connection:
        connection.execute(sql_text("runs/finish_run.sql"), {
            "run_id": run_id, "finished_at": finished_at, "status": status, "error_message": error_message,
            **dataclasses.asdict(counts),
        })
    return finished_at
