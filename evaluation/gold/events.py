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
    mentions: tuple[Span, ...]  # triggers of later sentences about the same incident
    event_class: str | None  # one of seeds/events/event_classes.csv
    event_type: str | None  # PLOVER (null for disasters and accidents)
    event_mode: str | None
    acled_sub_event_type: str | None
    event_date: date | None
    country_iso3: str | None
    place_text: str | None
    fatalities: int | None
    injured: int | None
    actor: str | None
    acled_event_type: str | None = None

    @property
    def spans(self) -> tuple[Span, ...]:
        return (self.trigger, *self.mentions)


@dataclass(frozen=True)
class GoldEventArticle:
    doc_id: str
    text: str
    published_at: date | None
    events: tuple[GoldEvent, ...]
    violent: bool | None  # whether the article reports any violent incident
    topic: str | None = None  # politics, business, sport, crime, conflict... (general-news gold)
    doubtful: tuple[Span, ...] = ()  # triggers the annotator could not call either way: not scored


def _span(value: list) -> Span:
    start, end = value
    return int(start), int(end)


def _gold_event(event: dict) -> GoldEvent:
    return GoldEvent(
        trigger=_span(event["trigger"][0]),
        mentions=tuple(_span(m) for m in event.get("mentions") or ()),
        event_class=event.get("event_class") or event.get("acled_sub_event_type"),
        event_type=event.get("event_type"),
        event_mode=event.get("event_mode"),
        acled_sub_event_type=event.get("acled_sub_event_type"),
        event_date=date.fromisoformat(event["event_date"]) if event.get("event_date") else None,
        country_iso3=event.get("country_iso3"),
        place_text=event.get("place_text"),
        fatalities=event.get("fatalities"),
        injured=event.get("injured"),
        actor=event.get("actor"),
        acled_event_type=event.get("acled_event_type"),
    )


def read_event_gold_dir(directory: Path) -> list[GoldEventArticle]:
    """Every <slug>.json with its <slug>.txt; offsets are checked against the text."""
    articles = []
    for path in sorted(directory.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        events = tuple(_gold_event(event) for event in record["events"])
        for event in events:
            for start, end in event.spans:
                if not 0 <= start < end <= len(text):
                    raise ValueError(f"{path.name}: span {(start, end)} is outside the text")
        published = date.fromisoformat(record["published_at"]) if record.get("published_at") else None
        articles.append(GoldEventArticle(path.stem, text, published, events, record.get("violent")))
    return articles


def read_general_gold(path: Path) -> tuple[list[GoldEventArticle], int]:
    """The general-news gold (ids and offsets, no text; tests/gold/README.md) with the texts of
    the corpora present here, each checked by its SHA-1; and how many articles were skipped
    because their corpus is absent."""
    from evaluation.gold.corpus_texts import corpus_texts, text_sha1

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts: dict[tuple[str, str], str] = {}
    for corpus in {r["corpus"] for r in records}:
        ids = frozenset(r["doc_id"] for r in records if r["corpus"] == corpus)
        texts |= {(corpus, d): t for d, t in corpus_texts(corpus, ids).items()}
    articles = []
    for record in records:
        text = texts.get((record["corpus"], record["doc_id"]))
        if text is None:
            continue
        if text_sha1(text) != record["text_sha1"]:
            raise ValueError(f"{record['doc_id']}: the corpus text differs from the one annotated")
        events = tuple(_gold_event(event) for event in record["events"])
        published = date.fromisoformat(record["published_at"]) if record.get("published_at") else None
        articles.append(GoldEventArticle(record["doc_id"], text, published, events, record.get("violent"),
                                         record.get("topic"), tuple(_span(d["trigger"][0]) for d in record["doubtful"])))
    return articles, len(records) - len(articles)
