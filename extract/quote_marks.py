"""Quotation marks: pair them into quoted spans, and tell quotations from scare quotes and titles.

Apostrophes never open or close a quotation: `ISIS'` and `don't` are words, not marks.
Unbalanced marks degrade to fewer spans, never to an exception.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

DOUBLE_OPENERS = "“„«"
DOUBLE_CLOSERS = "”»"
SINGLE_OPENERS = "‘‹"
SINGLE_CLOSERS = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
DOUBLED_APOSTROPHES = "''"
# Characters after which a straight mark opens rather than closes.
OPEN_CONTEXT = " \t\n\r([{—–-/:"
MAX_SINGLE_QUOTED_CHARS = 200
# Words that do not count when deciding whether a quoted string is a title ("ISIS: the State of Terror").
TITLE_FUNCTION_WORDS = frozenset("a an the of in on at to for and or but with by from as".split())


@dataclass(frozen=True)
class Quoted:
    """A paired quotation: marks at open_start and close_start; the text between them."""

    open_start: int
    start: int  # first character inside the marks
    end: int  # first closing-mark character
    close_end: int  # just after the closing mark
    double: bool


class Quotations:
    """Quotations in text order, looked up by position in log time: an article of thousands of
    quotations must not cost thousands of scans per reporting verb."""

    def __init__(self, quotations: Iterable[Quoted]):
        self.items = sorted(quotations, key=_open_start)
        self._longest = max((q.close_end - q.open_start for q in self.items), default=0)

    def __iter__(self) -> Iterator[Quoted]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def touching(self, start: int, end: int) -> list[Quoted]:
        """The quotations, marks included, that overlap [start, end), in text order."""
        first = bisect_left(self.items, start - self._longest, key=_open_start)
        last = bisect_left(self.items, end, lo=first, key=_open_start)
        return [q for q in self.items[first:last] if q.close_end > start]

    def after(self, position: int) -> list[Quoted]:
        """The quotations that open at or after `position`, in text order."""
        return self.items[bisect_left(self.items, position, key=_open_start):]

    def holds(self, position: int) -> bool:
        """True when `position` lies between the marks of a quotation."""
        return any(q.start <= position < q.end for q in self.touching(position, position + 1))


def _open_start(quoted: Quoted) -> int:
    return quoted.open_start


# A text whose lines mostly end inside a sentence is wrapped (wire copy: "Canrad Inc said it
# acquired the\nMeasurement Systems Division"): there a paragraph starts after a blank line or
# with an indented line, elsewhere at every line break.
SENTENCE_END = frozenset(".!?:;\"'”’»")
_SINGLE_BREAK = re.compile(r"(?<=[^\n])\n(?=[^\n])")
_WRAPPED_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\n(?:[ \t]{2,}|\t)")


def has_wrapped_lines(text: str) -> bool:
    """Whether most of a text's single line breaks fall inside a sentence (two at least)."""
    ends = [text[m.start() - 1] for m in _SINGLE_BREAK.finditer(text)]
    inside = sum(1 for char in ends if char not in SENTENCE_END)
    return inside >= 2 and inside * 2 >= len(ends)


def paragraph_ends_in(text: str, start: int, end: int, wrapped: bool) -> bool:
    """Whether a paragraph ends between two positions: at any line break, or in wrapped text
    at a blank line or an indented line only."""
    segment = text[start:end]
    if "\n" not in segment:
        return False
    return not wrapped or _WRAPPED_PARAGRAPH_BREAK.search(segment) is not None


def find_quoted_spans(text: str) -> list[Quoted]:
    """Pair quotation marks in text, double marks first, then single marks outside them.

    A quotation left open at the end of a paragraph continues when the next paragraph opens
    with a mark (the news convention for quotes over several paragraphs); otherwise the open
    mark is dropped.
    """
    wrapped = has_wrapped_lines(text)
    doubles = _pair(text, _double_marks(text), allow_paragraphs=True, wrapped=wrapped)
    inside_double = Quotations(doubles)
    singles = [
        q for q in _pair(text, _single_marks(text), allow_paragraphs=False, wrapped=wrapped)
        if q.close_end - q.open_start <= MAX_SINGLE_QUOTED_CHARS
        and not inside_double.touching(q.open_start, q.open_start + 1)
    ]
    return sorted(doubles + singles, key=lambda q: q.open_start)


Mark = tuple[int, int, bool, bool]  # position, width, can_open, can_close
_DOUBLE_MARK = re.compile(re.escape(DOUBLED_APOSTROPHES) + "|[" + re.escape(DOUBLE_OPENERS + DOUBLE_CLOSERS
                                                                            + STRAIGHT_DOUBLE) + "]")
_SINGLE_MARK = re.compile("[" + re.escape(SINGLE_OPENERS + SINGLE_CLOSERS + STRAIGHT_SINGLE) + "]")


def _double_marks(text: str) -> list[Mark]:
    """Every double quotation mark: curly, straight, and the two apostrophes ('') some
    newspapers' archives use for one."""
    marks: list[Mark] = []
    for match in _DOUBLE_MARK.finditer(text):  # left to right, a doubled apostrophe taken whole
        i, char, width = match.start(), match.group()[0], len(match.group())
        if char in DOUBLE_OPENERS:
            marks.append((i, 1, True, False))
        elif char in DOUBLE_CLOSERS:
            marks.append((i, 1, False, True))
        else:  # straight, or a doubled apostrophe: which way it turns depends on its neighbours
            before = text[i - 1] if i else " "
            after = text[i + width] if i + width < len(text) else " "
            can_open = (before in OPEN_CONTEXT or before in DOUBLE_OPENERS) and not after.isspace()
            marks.append((i, width, can_open, i > 0 and not before.isspace()))
    return marks


def _single_marks(text: str) -> list[Mark]:
    """Single marks that can delimit a quotation; apostrophes inside or after words cannot open."""
    marks: list[Mark] = []
    for match in _SINGLE_MARK.finditer(text):
        i, char = match.start(), match.group()
        if text.startswith(DOUBLED_APOSTROPHES, i) or text.startswith(DOUBLED_APOSTROPHES, i - 1) and i > 0:
            continue  # half of a doubled apostrophe: a double mark
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        can_open = (before in OPEN_CONTEXT or before in DOUBLE_OPENERS) and after.isalnum()
        can_close = (before.isalnum() or before in ".,!?") and not after.isalnum()
        if char in SINGLE_OPENERS:
            can_close = False
        if can_open or can_close:
            marks.append((i, 1, can_open, can_close))
    return marks


def _pair(text: str, marks: list[Mark], allow_paragraphs: bool, wrapped: bool = False) -> list[Quoted]:
    pairs: list[Quoted] = []
    open_at: int | None = None
    open_width = 1
    last_mark = 0  # the open mark, or the mark that continued the quotation in a new paragraph
    for position, width, can_open, can_close in marks:
        if open_at is not None and paragraph_ends_in(text, last_mark, position, wrapped):
            # The paragraph ended with the quotation still open.
            if allow_paragraphs and can_open and _starts_paragraph(text, position):
                last_mark = position  # the new paragraph's opening mark continues the quotation
                continue
            open_at = None
        if open_at is None:
            if can_open:
                open_at, open_width, last_mark = position, width, position
        elif can_close:
            if position > open_at + open_width:
                pairs.append(Quoted(open_at, open_at + open_width, position, position + width,
                                    text[position] != "'" or width == 2))
            open_at = None
        elif can_open:
            open_at, open_width, last_mark = position, width, position  # the first opener was unbalanced
    return pairs


def _starts_paragraph(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return not text[line_start:position].strip()


def looks_like_title(quoted_text: str) -> bool:
    """Most content words capitalised and at most ten words: "ISIS: the State of Terror"."""
    words = [w.strip(".,:;!?'\"") for w in quoted_text.split()]
    content = [w for w in words if w and w.casefold() not in TITLE_FUNCTION_WORDS]
    if not content or len(words) > 10:
        return False
    return sum(1 for w in content if w[:1].isupper()) / len(content) >= 0.75 and len(words) >= 2
