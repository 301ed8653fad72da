"""Article layout: title, byline, dateline, agency, publisher, body and boilerplate, by offset.

The parser never changes the text: every part is a (start, end) span of the raw text, and a
normalised value (e.g. "Beirut" for "BEIRUT") is kept beside the span, never instead of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extract.datelines import match_lead, parse_lead
from extract.layout_parts import BoilerplateRule, LayoutRules, Segment, trailing_space


LAYOUT_VERSION = "layout.v1"

MAX_TITLE_CHARS = 250
MAX_BYLINE_LINE_CHARS = 100
MAX_TRAILING_BOILERPLATE_LINES = 5

_BYLINE_LINE = re.compile(r"^(?:By|BY)\s+(?P<name>[A-Z][^\n,]{1,60}?)\s*(?:,.*)?$")
# Transcript tags that open MUC bodies: "[REPORT] [ARMED FORCES PRESS COMMITTEE, COPREFA] [TEXT]".
_LEADING_TAGS = re.compile(r"(?:\[[A-Z0-9][^\]\na-z]{0,80}\]\s*)+")
_CONTENT_LINE = re.compile(r"[^\r\n]+")


@dataclass(frozen=True)
class Layout:
    """The parsed layout of one article. Values are normalised; segments hold the spans."""

    title: str | None
    byline: str | None
    dateline: str | None
    dateline_date_text: str | None
    dateline_date: date | None
    agency: str | None
    publisher: str | None
    body_start: int
    body_end: int
    segments: tuple[Segment, ...]


def parse_layout(raw_text: str, rules: LayoutRules, title_hint: str | None = None) -> Layout:
    """Split an article into its parts without changing a character.

    Example: "ISIS seeks ...\\n\\nMOUSSAOUI BEIRUT (AFP) - By launching ..." gives title
    "ISIS seeks ...", byline "Moussaoui", dateline "Beirut", agency "AFP", and a body that
    starts at "By launching". Long because it is the layout's steps in the order they read the
    text: trailing boilerplate, title, byline, the dateline lead, the body.
    """
    lines = content_lines(raw_text)
    if not lines:
        raise ValueError("the article holds no text")
    segments: list[Segment] = []

    body_lines, boilerplate, trailing_outlets = _trailing_boilerplate(raw_text, lines, rules)
    segments.extend(boilerplate)

    title, first_body_line = _title(raw_text, body_lines, title_hint, segments)
    byline = None
    if first_body_line < len(body_lines) - 1:
        byline_match = _BYLINE_LINE.match(_line_text(raw_text, body_lines[first_body_line]))
        if byline_match and len(byline_match.group()) <= MAX_BYLINE_LINE_CHARS:
            line_start = body_lines[first_body_line][0]
            byline = byline_match.group("name").strip()
            segments.append(Segment("byline", line_start + byline_match.start("name"),
                                    line_start + byline_match.start("name") + len(byline), byline))
            first_body_line += 1

    body_start = body_lines[first_body_line][0]
    body_end = body_lines[-1][1]
    lead = parse_lead(raw_text, body_start, body_end, rules)
    dateline = dateline_date_text = dateline_date = agency = None
    if lead is not None:
        segments.extend(lead.segments)
        byline = lead.byline or byline
        dateline, dateline_date_text, dateline_date, agency = lead.place, lead.date_text, lead.date, lead.agency
        body_start = lead.end
    tags = _LEADING_TAGS.match(raw_text, body_start, body_end)
    if tags and tags.end() < body_end:
        segments.append(Segment("boilerplate", tags.start(), tags.end() - trailing_space(tags.group())))
        body_start = tags.end()
    segments.append(Segment("body", body_start, body_end))

    publisher = trailing_outlets.get("publisher")
    agency = agency or trailing_outlets.get("agency")
    return Layout(
        title=title,
        byline=byline,
        dateline=dateline,
        dateline_date_text=dateline_date_text,
        dateline_date=dateline_date,
        agency=agency,
        publisher=publisher,
        body_start=body_start,
        body_end=body_end,
        segments=tuple(sorted(segments, key=lambda s: (s.start, s.end))),
    )


def content_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of text, without their surrounding whitespace."""
    spans = []
    for match in _CONTENT_LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def _line_text(text: str, span: tuple[int, int]) -> str:
    return text[span[0]: span[1]]


def _trailing_boilerplate(
    text: str, lines: list[tuple[int, int]], rules: LayoutRules
) -> tuple[list[tuple[int, int]], list[Segment], dict[str, str]]:
    """Peel promo lines and sign-offs off the end; return the story's lines.

    Example: "Join ST's Telegram channel and get the latest ..." is boilerplate that names
    the publisher, The Straits Times; a closing "REUTER" names the agency.
    """
    story = list(lines)
    segments: list[Segment] = []
    outlets: dict[str, str] = {}
    while len(story) > 1 and len(segments) < MAX_TRAILING_BOILERPLATE_LINES:
        start, end = story[-1]
        found = _match_boilerplate(text[start:end], rules)
        if found is None:
            break
        rule, match = found
        if rule.outlet_kind and rule.outlet:
            outlets.setdefault(rule.outlet_kind, rule.outlet)
        segments.append(Segment("boilerplate", start + match.start(), start + match.end(), rule.outlet))
        if match.start() > 0:
            # A sign-off after the last sentence: the rest of the line is story.
            story[-1] = (start, start + len(text[start:start + match.start()].rstrip()))
            break
        story.pop()
    return story, segments, outlets


def _match_boilerplate(line: str, rules: LayoutRules) -> tuple[BoilerplateRule, re.Match[str]] | None:
    for rule in rules.boilerplate:
        match = rule.pattern.search(line)
        if match is not None:
            return rule, match
    return None


def _title(
    text: str, lines: list[tuple[int, int]], title_hint: str | None, segments: list[Segment]
) -> tuple[str | None, int]:
    """The title and the index of the first line after it.

    With metadata the title is the metadata's, and its line is skipped only when the text
    repeats it. Without, the first line is a title when it is short, is not the lead of a
    paragraph, and does not end like a sentence.
    """
    start, end = lines[0]
    first = text[start:end]
    if title_hint is not None:
        if _normalise_space(first).casefold() == _normalise_space(title_hint).casefold() and len(lines) > 1:
            segments.append(Segment("title", start, end, title_hint))
            return title_hint, 1
        return title_hint, 0
    looks_like_title = (
        len(lines) > 1
        and len(first) <= MAX_TITLE_CHARS
        and not first.endswith((".", ":", ";", ","))
        and match_lead(first) is None
        and not _BYLINE_LINE.match(first)
    )
    if looks_like_title:
        segments.append(Segment("title", start, end, first))
        return first, 1
    return None, 0


def _normalise_space(value: str) -> str:
    return " ".join(value.split())


