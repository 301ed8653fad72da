"""Our own place gold (tests/gold/places.jsonl): each name in a sentence, whether it is a place and which."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GoldPlace:
    corpus: str
    doc_id: str
    start: int
    end: int
    text: str
    is_place: bool
    geonameid: int | None


def read_place_gold(path: Path) -> list[GoldPlace]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [GoldPlace(r["corpus"], r["doc_id"], r["start"], r["end"], r["text"], bool(r["is_place"]),
                      r.get("geonameid")) for r in rows]
