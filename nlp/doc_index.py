"""The shared Doc index: a parsed Doc with its text and entities read once, for every extractor."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span

# Where a Doc keeps its text once a DocIndex has read it (Doc.user_data, spaCy's place for it).
_TEXT_KEY = "wirehouse.doc_text"


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
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
        return cls(doc, text, ents, {i: ent for ent in ents for i in range(ent.start, ent.end)})

    def entity_at(self, token_index: int) -> Span | None:
        return self.entity_of_token.get(token_index)


def doc_text(doc: Doc) -> str:
    """A Doc's text, read from where a DocIndex kept it (Doc.text joins every token anew)."""
    text = doc.user_data.get(_TEXT_KEY)
    return doc.text if text is None else text


def span_text(span: Span) -> str:
    """A span's text, sliced from its Doc's text once a DocIndex has read it: spaCy builds
    Span.text again from the span's tokens on every access, which the event rules asked for
    several times a sentence. The same string: a Doc's text is its tokens' text and spaces."""
    text = span.doc.user_data.get(_TEXT_KEY)
    return span.text if text is None else text[span.start_char:span.end_char]
