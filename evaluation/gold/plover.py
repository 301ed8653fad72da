"""PLOVER gold-standard records: one sentence, its event type and its source actor."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


# PLOVER 0.5 names in the gold-standard records, and their PLOVER 1.0 types.
PLOVER_RENAMES = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}


@dataclass(frozen=True)
class PloverRecord:
    record_id: str
    text: str
    event_type: str  # PLOVER 1.0 name
    source_actors: tuple[str, ...]
    target_actors: tuple[str, ...]


def iter_plover(path: Path) -> Iterator[PloverRecord]:
    """The PLOVER gold-standard records, with 0.5 type names mapped to 1.0 (FIGHT -> ASSAULT)."""
    for record in json.loads(path.read_text(encoding="utf-8")):
        if record.get("event") == "DOCUMENT" or not record.get("text"):
            continue
        yield PloverRecord(
            record["id"], record["text"], PLOVER_RENAMES.get(record["event"], record["event"]),
            _actor_texts(record.get("source")),
            _actor_texts(record.get("target")),
        )


def _actor_texts(actors: object) -> tuple[str, ...]:
    if not isinstance(actors, list):
        return ()
    return tuple(a.get("actorText", "") for a in actors if isinstance(a, dict))
