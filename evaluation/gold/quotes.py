"""Gold attributions (who said what) for scoring quote extraction, and their JSON form.

Our own gold lives in tests/gold/<slug>.txt (the article text, byte for byte) and
tests/gold/<slug>.json; PolNeAR is read into the same records (evaluation/gold/polnear.py).
Spans are (start, end) character offsets into the text, end exclusive; a span may come in
several fragments (PolNeAR allows discontinuous spans).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

Span = tuple[int, int]


@dataclass(frozen=True)
class GoldQuote:
    """One attribution: the reported content, who it is attributed to, and the cue."""

    content: tuple[Span, ...]
    speaker: tuple[Span, ...] = ()  # the mention as written ("he"); empty when not annotated
    cue: tuple[Span, ...] = ()  # "said", "according to"
    kind: str | None = None  # direct | indirect | mixed; None when the gold set does not say
    source: str | None = None  # resolved source ("Thomas Pierret" for "he"); own gold only
    source_kind: str | None = None  # person | organization | government | group | anonymous


@dataclass(frozen=True)
class GoldArticle:
    doc_id: str
    text: str
    quotes: tuple[GoldQuote, ...]
    not_quotes: tuple[Span, ...] = ()  # quoted strings that are not quotes: scare quotes, titles
    published_at: str | None = None
    # Content of attributions left out of this gold subset: a prediction there is neither
    # right nor wrong (see evaluation.quotes.speech_cue_quotes).
    ignored: tuple[Span, ...] = ()


def _spans(value: object) -> tuple[Span, ...]:
    if not value:
        return ()
    return tuple((int(start), int(end)) for start, end in value)


def read_gold_article(json_path: Path) -> GoldArticle:
    """Read tests/gold/<slug>.json and its <slug>.txt; every span must lie inside the text."""
    record = json.loads(json_path.read_text(encoding="utf-8"))
    text = json_path.with_suffix(".txt").read_text(encoding="utf-8")
    quotes = tuple(
        GoldQuote(
            content=_spans(q["content"]),
            speaker=_spans(q.get("speaker")),
            cue=_spans(q.get("cue")),
            kind=q.get("kind"),
            source=q.get("source"),
            source_kind=q.get("source_kind"),
        )
        for q in record["quotes"]
    )
    article = GoldArticle(json_path.stem, text, quotes, _spans(record.get("not_quotes")), record.get("published_at"))
    for quote in article.quotes:
        for start, end in quote.content + quote.speaker + quote.cue:
            if not 0 <= start < end <= len(text):
                raise ValueError(f"{json_path.name}: span ({start}, {end}) is outside the text")
    return article


def read_gold_dir(directory: Path) -> list[GoldArticle]:
    return [read_gold_article(path) for path in sorted(directory.glob("*.json"))]
