"""The shared Doc index: a parsed Doc with its text and entities read once, for every extractor."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class DocIndex:
    """A parsed Doc with its text and entities computed once: spaCy rebuilds Doc.text and
    Doc.ents on every access, which dominated extraction time."""

    doc: Doc
    text: str
    ents: tuple[Span, ...]
    entity_of_token: Mapping[int, Span]

    @classmethod
    def of(cls, doc: Doc) -> DocIndex:
        ents = tuple(doc.ents)
        return cls(doc, doc.text, ents, {i: ent for ent in ents for i in range(ent.start, ent.end)})

    def entity_at(self, token_index: int) -> Span | None:
        return self.entity_of_token.get(token_index)
