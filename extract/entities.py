"""Named entity mentions from spaCy's NER, with offsets into the article's raw text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from nlp.doc_index import span_text

ENTITIES_VERSION = "entities.v1"


@dataclass(frozen=True)
class EntityMention:
    """One NER span; start/end index articles.raw_text. entity_id groups mentions with the
    same label and casefolded surface form across articles (a naive identity that source
    and place resolution refine later)."""

    article_id: str
    label: str
    text: str
    start: int
    end: int
    entity_id: str


def entity_key(label: str, text: str) -> str:
    """Stable id of a (label, surface form) pair: "GPE" + "Tunisia" -> 16 hex digits."""
    normalised = " ".join(text.split()).casefold()
    return hashlib.sha256(f"{label}\x1f{normalised}".encode()).hexdigest()[:16]


def extract_entities(doc: Doc, article_id: str, offset: int) -> list[EntityMention]:
    """Entity mentions of a Doc parsed from raw_text[offset:], shifted back into raw_text."""
    return [_mention(ent, span_text(ent), article_id, offset) for ent in doc.ents]


def _mention(ent: Span, text: str, article_id: str, offset: int) -> EntityMention:
    return EntityMention(article_id=article_id, label=ent.label_, text=text, start=offset + ent.start_char,
                         end=offset + ent.end_char, entity_id=entity_key(ent.label_, text))
