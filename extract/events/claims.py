"""Claims and modality: who claimed or denied an event, who was blamed, and whether it is said to
have happened (asserted), not to have (negated), maybe (hypothetical) or yet to (future)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from extract.events.records import EventActor
from extract.events.rules import ModalWords
from nlp.doc_index import span_text

_CLAIM = re.compile(r"\bclaim(?:s|ed|ing)?\s+(?:\w+\s+){0,2}responsib", re.I)
_DENY = re.compile(r"\bden(?:y|ies|ied)\s+(?:\w+\s+){0,3}(?:responsib|involvement)", re.I)
_BLAME = re.compile(r"\b(?:blamed|accused)\b", re.I)
_SUSPECT = re.compile(r"\bsuspected\b", re.I)


def modality_of(trigger: Token | None, sentence: Span, modals: ModalWords) -> str:
    if trigger is not None:
        if any(c.dep_ == "neg" for c in trigger.children):
            return "negated"
        if any(c.lower_ in modals.hypothetical for c in trigger.children if c.dep_ == "aux"):
            return "hypothetical"
        if any(c.lower_ in modals.future for c in trigger.children if c.dep_ == "aux"):
            return "future"
    return "asserted"


def responsibility(sentence: Span, actors: Sequence[EventActor]) -> tuple[str, str | None]:
    text = span_text(sentence)
    claimant = next((a.canonical for a in actors if a.role in ("actor", "claimant")), None)
    if _CLAIM.search(text):
        return "claimed", claimant
    if _DENY.search(text):
        return "denied", claimant
    if _BLAME.search(text):
        return "attributed", claimant
    if _SUSPECT.search(text):
        return "suspected", claimant
    return "none", None


