"""WikiEvents (KAIROS) dev and test documents: attack, die and injure triggers with their arguments."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from evaluation.counts import Span


WIKIEVENTS_ATTACK = "Conflict.Attack"


WIKIEVENTS_DIE = "Life.Die"


WIKIEVENTS_INJURE = "Life.Injure"


# WikiEvents (KAIROS) argument roles of attack, die and injure events, as the three we score.
WIKIEVENTS_ROLES = {"Attacker": "attacker", "Killer": "attacker", "Injurer": "attacker",
                    "Victim": "victim", "Target": "victim", "Place": "place"}


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
