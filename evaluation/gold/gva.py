"""Gun Violence Archive news (../shared/eval/gva): each article with its incident's killed, injured, date and address."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class GvaArticle:
    article_id: str
    text: str
    published_at: date
    n_killed: int
    n_injured: int
    incident_date: date | None
    address: str | None


def iter_gva(path: Path) -> Iterator[GvaArticle]:
    """One article per line: {id, text, published_at, gold: {n_killed, n_injured, shooting_date, address}}."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            gold = record["gold"]
            yield GvaArticle(record["id"], record["text"], date.fromisoformat(record["published_at"]),
                             int(gold["n_killed"]), int(gold["n_injured"]),
                             date.fromisoformat(gold["shooting_date"]) if gold.get("shooting_date") else None,
                             gold.get("address") or None)
