"""Gold for events: our own annotations, PLOVER gold-standard records and WikiEvents documents."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

Span = tuple[int, int]
# PLOVER 0.5 names in the gold-standard records, and their PLOVER 1.0 types.
PLOVER_RENAMES = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
WIKIEVENTS_ATTACK = "Conflict.Attack"
WIKIEVENTS_DIE = "Life.Die"
WIKIEVENTS_INJURE = "Life.Injure"
# WikiEvents (KAIROS) argument roles of attack, die and injure events, as the three we score.
WIKIEVENTS_ROLES = {"Attacker": "attacker", "Killer": "attacker", "Injurer": "attacker",
                    "Victim": "victim", "Target": "victim", "Place": "place"}


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


@dataclass(frozen=True)
class GoldArgument:
    role: str  # attacker (Attacker, Killer, Injurer) | victim (Victim, Target) | place
    sentence: Span  # the sentence of the event's trigger
    text: str


@dataclass(frozen=True)
class WikiEventsDocument:
    doc_id: str
    text: str
    sentences: tuple[Span, ...]
    attack_triggers: tuple[Span, ...]  # Conflict.Attack.* trigger character spans
    die_triggers: tuple[Span, ...]
    injure_triggers: tuple[Span, ...]
    arguments: tuple[GoldArgument, ...] = ()  # of the attack, die and injure events


def _token_spans(document: dict) -> list[Span]:
    return [(start, end) for sentence, _ in document["sentences"] for _, start, end in sentence]


def _text_at_offsets(document: dict) -> str:
    """The document text laid out at the sentences' own offsets (the `text` field drops the
    spaces between sentences, so its offsets drift)."""
    sentences = [(tokens[0][1], sentence_text) for tokens, sentence_text in document["sentences"] if tokens]
    length = max(start + len(sentence_text) for start, sentence_text in sentences)
    characters = [" "] * length
    for start, sentence_text in sentences:
        characters[start:start + len(sentence_text)] = sentence_text
    return "".join(characters)


def iter_wikievents(path: Path) -> Iterator[WikiEventsDocument]:
    """WikiEvents documents with the character spans of their attack, die and injure triggers."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            document = json.loads(line)
            tokens = _token_spans(document)
            spans: dict[str, list[Span]] = {WIKIEVENTS_ATTACK: [], WIKIEVENTS_DIE: [], WIKIEVENTS_INJURE: []}
            arguments: list[GoldArgument] = []
            sentence_spans = [(s[0][1], s[-1][2]) if s else (0, 0) for s, _ in document["sentences"]]
            for mention in document["event_mentions"]:
                trigger = mention["trigger"]
                span = (tokens[trigger["start"]][0], tokens[trigger["end"] - 1][1])
                for prefix, bucket in spans.items():
                    if mention["event_type"].startswith(prefix):
                        bucket.append(span)
                        arguments += [GoldArgument(WIKIEVENTS_ROLES[a["role"]], sentence_spans[trigger["sent_idx"]],
                                                   a["text"]) for a in mention["arguments"]
                                      if a["role"] in WIKIEVENTS_ROLES]
            yield WikiEventsDocument(document["doc_id"], _text_at_offsets(document),
                                     tuple(s for s in sentence_spans if s != (0, 0)),
                                     tuple(spans[WIKIEVENTS_ATTACK]), tuple(spans[WIKIEVENTS_DIE]),
                                     tuple(spans[WIKIEVENTS_INJURE]), tuple(arguments))
