"""Our own event gold: tests/gold/events/<slug>.txt and <slug>.json (see its README)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

Span = tuple[int, int]


@dataclass(frozen=True)
class GoldEvent:
    trigger: Span
    event_type: str
    event_mode: str | None
    acled_sub_event_type: str | None
    event_date: date | None
    country_iso3: str | None
    fatalities: int | None
    injured: int | None
    actor: str | None


@dataclass(frozen=True)
class GoldEventArticle:
    doc_id: str
    text: str
    published_at: date | None
    events: tuple[GoldEvent, ...]


def read_event_gold_dir(directory: Path) -> list[GoldEventArticle]:
    """tests/gold/events/<slug>.txt and <slug>.json (see its README)."""
    articles = []
    for path in sorted(directory.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        events = tuple(
            GoldEvent(
                trigger=tuple(event["trigger"][0]),
                event_type=event["event_type"],
                event_mode=event.get("event_mode"),
                acled_sub_event_type=event.get("acled_sub_event_type"),
                event_date=date.fromisoformat(event["event_date"]) if event.get("event_date") else None,
                country_iso3=event.get("country_iso3"),
                fatalities=event.get("fatalities"),
                injured=event.get("injured"),
                actor=event.get("actor"),
            )
            for event in record["events"]
        )
        for event in events:
            if not 0 <= event.trigger[0] < event.trigger[1] <= len(text):
                raise ValueError(f"{path.name}: trigger {event.trigger} is outside the text")
        published = date.fromisoformat(record["published_at"]) if record.get("published_at") else None
        articles.append(GoldEventArticle(path.stem, text, published, events))
    return articles
