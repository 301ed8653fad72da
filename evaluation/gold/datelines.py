"""Datelines as the corpora give them: MUC-3/4 places and dates, Reuters-21578 places."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path


NO_PLACE = {"NO CITY", ""}


@dataclass(frozen=True)
class DatelineGold:
    """What a corpus says of one article's dateline."""

    text: str
    place: str | None  # as the corpus writes it: "SAN SALVADOR", "MANAGUA (NICARAGUA)", "STAMFORD, Conn."
    published: date | None = None  # give it only where the dateline itself writes the year


def muc_datelines(corpus_dir: Path) -> Iterator[DatelineGold]:
    """MUC-3/4 reports: `dateline_place` and `date` (MUC datelines write the year)."""
    with (corpus_dir / "muc34" / "muc34.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["text"].strip():
                yield DatelineGold(record["text"], record.get("dateline_place"),
                                   date.fromisoformat(record["date"]) if record.get("date") else None)


def reuters_datelines(corpus_dir: Path) -> Iterator[DatelineGold]:
    """Reuters-21578 items: the corpus's `dateline` field (their datelines carry no year)."""
    with (corpus_dir / "reuters21578" / "reuters21578.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["text"].strip():
                yield DatelineGold(record["text"], record.get("dateline") or None)
