"""spaCy over a batch of article bodies, one article's failure never the batch's.

Texts are parsed with `nlp.pipe` in groups bounded by documents and by characters: a worker's
memory grows with the characters of one call, so a group of three 100,000-character reports
made it spike by 1 GB. On 1,000 MUC reports a worker peaked 0.27 GB above its resting size with
calls of 100,000 characters and 0.14 GB with 40,000, parsing as fast. A body longer than
one piece is parsed alone, one paragraph-aligned piece at a time, the pieces joined back into
one Doc whose text is the body exactly, so every offset still points into it; spaCy alone
refuses texts over `nlp.max_length` (E088). When a text breaks a group, the rest of the group is parsed one text at a time and only the text that
fails is reported as failed."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

# Bodies longer than this are parsed in pieces of at most this many characters.
PIECE_CHARS = 40_000
# A group parsed by one nlp.pipe call holds at most this many characters (and nlp_batch_size texts).
GROUP_CHARS = 40_000

Item = TypeVar("Item")
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)]?\s"), re.compile(r"\s"))


def text_pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """`text` cut into pieces of at most `limit` characters that join back into it, each cut
    after a blank line if one is in reach, else after a line, a sentence or a space; a run of
    `limit` characters with no space at all is cut where it must be."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = next((m.end() for breaks in _BREAKS for m in _last_match(breaks, window, limit // 2)), limit)
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _last_match(pattern: re.Pattern[str], window: str, not_before: int) -> list[re.Match[str]]:
    """The last match of `pattern` in `window` that ends after `not_before`, as a list of 0 or 1."""
    last = None
    for match in pattern.finditer(window, not_before):
        last = match
    return [last] if last is not None else []


def parse_long(nlp: Language, text: str, limit: int = PIECE_CHARS) -> Doc:
    """One Doc of `text`, parsed piece by piece (see text_pieces); its text is `text` exactly."""
    pieces = text_pieces(text, limit)
    if len(pieces) == 1:
        return nlp(text)
    doc = Doc.from_docs(list(nlp.pipe(pieces, batch_size=1)), ensure_whitespace=False)  # one piece in memory at a time
    if doc.text != text:  # from_docs never adds text with ensure_whitespace off; kept as a guard
        raise ValueError("the parsed pieces do not join back into the text")
    return doc


def groups(texts: Sequence[tuple[str, Item]], max_texts: int, max_chars: int) -> Iterator[list[tuple[str, Item]]]:
    """Consecutive groups of at most `max_texts` texts and `max_chars` characters (a text longer
    than `max_chars` is a group of its own)."""
    group: list[tuple[str, Item]] = []
    size = 0
    for text, item in texts:
        if group and (len(group) >= max_texts or size + len(text) > max_chars):
            yield group
            group, size = [], 0
        group.append((text, item))
        size += len(text)
    if group:
        yield group


def parse_texts(nlp: Language, texts: Sequence[tuple[str, Item]], batch_size: int = 32, n_process: int = 1,
                max_chars: int = GROUP_CHARS) -> Iterator[tuple[Item, Doc | Exception]]:
    """Each (text, item) parsed, in order of groups: (item, Doc), or (item, the exception) for
    a text spaCy could not parse. Texts longer than a piece (PIECE_CHARS, or the pipeline's
    max_length if lower) are parsed alone, in pieces."""
    piece = min(PIECE_CHARS, nlp.max_length)
    short = [(text, item) for text, item in texts if len(text) <= piece]
    for text, item in texts:
        if len(text) > piece:
            yield item, _parse_one(nlp, text, piece)
    if n_process > 1:  # worker processes start once per pipe call: one call for the batch
        yield from _parse_group(nlp, short, batch_size, n_process)
        return
    for group in groups(short, batch_size, max_chars):
        yield from _parse_group(nlp, group, batch_size, 1)


def _parse_group(nlp: Language, group: Sequence[tuple[str, Item]], batch_size: int,
                 n_process: int) -> Iterator[tuple[Item, Doc | Exception]]:
    done = 0
    try:
        for doc, item in nlp.pipe(group, as_tuples=True, batch_size=batch_size, n_process=n_process):
            done += 1
            yield item, doc
    except Exception:  # one text broke the group: the rest one at a time, to find which
        for text, item in group[done:]:
            yield item, _parse_one(nlp, text)


def _parse_one(nlp: Language, text: str, piece: int | None = None) -> Doc | Exception:
    try:
        return parse_long(nlp, text, piece) if piece else nlp(text)
    except Exception as error:  # reported as the article's failure, never raised into the batch
        return error
