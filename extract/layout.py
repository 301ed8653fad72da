"""Article layout: title, byline, dateline, agency, publisher, body and boilerplate, by offset.

The parser never changes the text: every part is a (start, end) span of the raw text, and a
normalised value (e.g. "Beirut" for "BEIRUT") is kept beside the span, never instead of it.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from nlp.dates import MONTHS, TWO_DIGIT_YEAR_PIVOT
from seedrows import read_rows

LAYOUT_VERSION = "layout.v1"

MAX_TITLE_CHARS = 250
MAX_BYLINE_LINE_CHARS = 100
MAX_TRAILING_BOILERPLATE_LINES = 5
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
# "June 29", "Feb 26, 1987", "19 APR 89", "2 March", "NO DATE"
_DATE_MONTH_FIRST = re.compile(rf"^{_WEEKDAY}(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?$", re.I)
_DATE_DAY_FIRST = re.compile(rf"^{_WEEKDAY}(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})(?:\s+(?P<year>\d{{2}}|\d{{4}}))?$", re.I)
_NO_DATE = re.compile(r"^no date$", re.I)

# The lead of a first paragraph: "[BYLINE ]PLACE[ (COUNTRY)][, REGION][, DATE][ (AGENCY)] -".
_LEAD = re.compile(
    r"(?P<place>(?:[^\n()\-–—,]|(?<=\w)-(?=\w)){1,60}?)"
    r"(?:\s*\((?P<country>[^()\n]{1,30})\)(?=,))?"
    r"(?P<parts>(?:,[^\n()\-–—,]{1,30})*?)"
    r"\s*(?:\((?P<agency>[^()\n]{1,40})\)\s*)?"
    r"(?P<dash>--|[-–—])(?=\s)\s*"
)
_PLACE_WORD = re.compile(r"^(?:[A-Z][\w.'’/-]*|de|del|la|el|al|an|on|upon|of|es|da|do|dos|du)$")
_BYLINE_LINE = re.compile(r"^(?:By|BY)\s+(?P<name>[A-Z][^\n,]{1,60}?)\s*(?:,.*)?$")
# Transcript tags that open MUC bodies: "[REPORT] [ARMED FORCES PRESS COMMITTEE, COPREFA] [TEXT]".
_LEADING_TAGS = re.compile(r"(?:\[[A-Z0-9][^\]\na-z]{0,80}\]\s*)+")
_CONTENT_LINE = re.compile(r"[^\r\n]+")
_NO_PLACE = {"no city", "no place"}


@dataclass(frozen=True)
class Outlet:
    """A news agency or publisher and the names it goes by."""

    name: str
    kind: str  # agency | publisher


@dataclass(frozen=True)
class BoilerplateRule:
    """A trailing line (or line tail) that is not part of the story; it may name an outlet."""

    pattern: re.Pattern[str]
    outlet_kind: str | None
    outlet: str | None


@dataclass(frozen=True)
class LayoutRules:
    """Everything the parser knows, loaded once from seeds/ and the gazetteer."""

    outlets: Mapping[str, Outlet]  # alias (casefolded) -> outlet
    boilerplate: tuple[BoilerplateRule, ...]
    place_names: Mapping[str, str]  # place name (casefolded) -> canonical spelling

    def outlet_for(self, alias: str) -> Outlet | None:
        return self.outlets.get(alias.strip().casefold())


@dataclass(frozen=True)
class Segment:
    """One part of the layout: its kind, its span in the raw text and its normalised value."""

    kind: str  # title | byline | lead | dateline | dateline_region | dateline_date | agency | body | boilerplate
    start: int
    end: int
    value: str | None = None


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


@dataclass(frozen=True)
class OutletRow:
    """A row of seeds/outlets.csv: an outlet, its kind and the other spellings of its name."""

    name: str
    kind: str
    aliases: str  # "|"-separated, as written


@dataclass(frozen=True)
class BoilerplateRow:
    """A row of seeds/boilerplate.csv: a line pattern that is no part of the story."""

    pattern: str
    kind: str | None
    outlet: str | None


def load_layout_rules(seeds_dir: Path, place_names: Mapping[str, str]) -> LayoutRules:
    """Read seeds/outlets.csv and seeds/boilerplate.csv into a LayoutRules."""
    outlets: dict[str, Outlet] = {}
    for row in read_rows(seeds_dir / "outlets.csv", OutletRow):
        outlet = Outlet(row.name, row.kind)
        for alias in [row.name, *row.aliases.split("|")]:
            outlets[alias.strip().casefold()] = outlet
    rules = tuple(BoilerplateRule(re.compile(row.pattern), row.kind, row.outlet)
                  for row in read_rows(seeds_dir / "boilerplate.csv", BoilerplateRow))
    return LayoutRules(outlets=outlets, boilerplate=rules, place_names=place_names)


def parse_layout(raw_text: str, rules: LayoutRules, title_hint: str | None = None) -> Layout:
    """Split an article into its parts without changing a character.

    Example: "ISIS seeks ...\\n\\nMOUSSAOUI BEIRUT (AFP) - By launching ..." gives title
    "ISIS seeks ...", byline "Moussaoui", dateline "Beirut", agency "AFP", and a body that
    starts at "By launching".
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
        segments.append(Segment("boilerplate", tags.start(), tags.end() - _trailing_space(tags.group())))
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


def _trailing_space(text: str) -> int:
    return len(text) - len(text.rstrip())


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


@dataclass(frozen=True)
class Lead:
    """The dateline lead of a first paragraph and what it names."""

    end: int  # where the story starts
    byline: str | None
    place: str | None
    date_text: str | None
    date: date | None
    agency: str | None
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class LeadParts:
    """Spans of a dateline lead, relative to the start of its line."""

    end: int
    place: tuple[int, int]
    country: tuple[int, int] | None
    regions: tuple[tuple[int, int], ...]
    date: tuple[int, int] | None
    agency: tuple[int, int] | None


def _strip_span(line: str, start: int, end: int) -> tuple[int, int]:
    piece = line[start:end]
    left = len(piece) - len(piece.lstrip())
    return start + left, start + len(piece.rstrip())


def match_lead(line: str) -> LeadParts | None:
    """Find a dateline lead at the start of a line, or None when the line has none.

    A lead needs an agency in parentheses, a date after a comma, or a place in capitals;
    every word of the place must be capitalised, so "The minister - who spoke" is no lead.
    """
    match = _LEAD.match(line)
    if match is None or match.end() >= len(line):
        return None
    place = _strip_span(line, *match.span("place"))
    words = line[place[0]:place[1]].split()
    if not words or len(words) > 6 or not all(_PLACE_WORD.match(word) for word in words):
        return None
    parts: list[tuple[int, int]] = []
    offset = match.start("parts")
    for piece in match.group("parts").split(",")[1:]:
        offset += 1
        parts.append(_strip_span(line, offset, offset + len(piece)))
        offset += len(piece)
    date = None
    if len(parts) >= 2 and _date_text_kind(line[parts[-2][0]:parts[-1][1]]):  # "Feb 26, 1987"
        date = (parts[-2][0], parts.pop()[1])
        parts.pop()
    elif parts and _date_text_kind(line[parts[-1][0]:parts[-1][1]]):
        date = parts.pop()
    if len(parts) > 2 or not all(_is_region(line[a:b]) for a, b in parts):
        return None
    place_text = line[place[0]:place[1]]
    has_agency = match.group("agency") is not None
    all_caps_place = place_text.isupper() and len(place_text.replace(" ", "")) >= 3 and len(words) <= 4
    if not (has_agency or date or all_caps_place):
        return None
    return LeadParts(
        end=match.end(),
        place=place,
        country=_strip_span(line, *match.span("country")) if match.group("country") else None,
        regions=tuple(parts),
        date=date,
        agency=_strip_span(line, *match.span("agency")) if has_agency else None,
    )


def _is_region(text: str) -> bool:
    """ "Conn.", "Alberta", "N.Y.", "Costa Rica": a short capitalised qualifier of the place."""
    words = text.split()
    return 0 < len(words) <= 3 and all(_PLACE_WORD.match(word) for word in words)


def parse_lead(text: str, start: int, end: int, rules: LayoutRules) -> Lead | None:
    """Parse "MOUSSAOUI BEIRUT (AFP) - ", "KUWAIT, June 29 - ", "STAMFORD, Conn., Feb 26 - " or
    "MANAGUA (NICARAGUA), 21 MAR 89 (BARRICADA) -- " at text[start:]; None when there is no lead."""
    line_end = text.find("\n", start, end)
    line = text[start: end if line_end == -1 else line_end]
    parts = match_lead(line)
    if parts is None:
        return None
    lead_end = parts.end - _trailing_space(line[: parts.end])
    segments: list[Segment] = [Segment("lead", start, start + lead_end)]

    place_start, place_end = parts.place
    place_text, place_offset, byline_text = line[place_start:place_end], place_start, None
    if parts.agency is not None and not parts.regions and parts.date is None and parts.country is None:
        # Only the wire form "MOUSSAOUI BEIRUT (AFP) -" puts an author before the place.
        byline_text, place_text, place_offset = _split_byline(place_text, place_start, rules)
    byline = None
    if byline_text:
        byline = string.capwords(byline_text) if byline_text.isupper() else byline_text
        segments.append(Segment("byline", start + place_start, start + place_start + len(byline_text), byline))
    place = None
    if place_text.casefold() not in _NO_PLACE:
        place = canonical_place(place_text, rules)
        segments.append(Segment("dateline", start + place_offset, start + place_offset + len(place_text), place))
    for region_start, region_end in ([parts.country] if parts.country else []) + list(parts.regions):
        region = line[region_start:region_end]
        segments.append(Segment("dateline_region", start + region_start, start + region_end,
                                string.capwords(region) if region.isupper() else region))

    date_text = parsed_date = None
    if parts.date is not None:
        date_text = line[parts.date[0]:parts.date[1]]
        if _date_text_kind(date_text) == "date":
            parsed_date = parse_dateline_date(date_text)
            segments.append(Segment("dateline_date", start + parts.date[0], start + parts.date[1],
                                    parsed_date.isoformat() if parsed_date else None))
        else:
            date_text = None  # "NO DATE"

    agency = None
    if parts.agency is not None:
        agency_raw = line[parts.agency[0]:parts.agency[1]]
        outlet = rules.outlet_for(agency_raw)
        agency = outlet.name if outlet else agency_raw
        segments.append(Segment("agency", start + parts.agency[0], start + parts.agency[1], agency))
    return Lead(start + parts.end, byline, place, date_text, parsed_date, agency, tuple(segments))


def _split_byline(words_text: str, offset: int, rules: LayoutRules) -> tuple[str | None, str, int]:
    """Split "MOUSSAOUI BEIRUT" into the byline "MOUSSAOUI" and the place "BEIRUT".

    The place is the longest run of final words that the gazetteer knows; without one,
    the whole head is the place. Only all-capital heads carry a byline this way.
    """
    words = list(re.finditer(r"\S+", words_text))
    if len(words) < 2 or not words_text.isupper():
        return None, words_text, offset
    for first in range(len(words)):
        candidate = words_text[words[first].start():]
        if candidate.casefold() in rules.place_names:
            if first == 0:
                return None, words_text, offset
            byline = words_text[: words[first - 1].end()]
            return byline, candidate, offset + words[first].start()
    return None, words_text, offset


def canonical_place(place_text: str, rules: LayoutRules) -> str:
    """The gazetteer's spelling of a dateline place ("BEIRUT" -> "Beirut"), else capwords."""
    known = rules.place_names.get(place_text.casefold())
    if known:
        return known
    return string.capwords(place_text) if place_text.isupper() else place_text


def _date_text_kind(value: str) -> str | None:
    if _NO_DATE.match(value):
        return "none"
    if _DATE_MONTH_FIRST.match(value) or _DATE_DAY_FIRST.match(value):
        return "date"
    return None


def parse_dateline_date(value: str) -> date | None:
    """The calendar date of a dateline, only when it gives a year.

    "19 APR 89" -> 1989-04-19; "Feb 26, 1987" -> 1987-02-26; "June 29" -> None (no year:
    guessing one would invent a date).
    """
    match = _DATE_MONTH_FIRST.match(value) or _DATE_DAY_FIRST.match(value)
    if match is None or match.group("year") is None:
        return None
    year = int(match.group("year"))
    if year < 100:
        year += 2000 if year < TWO_DIGIT_YEAR_PIVOT else 1900
    month = MONTHS[match.group("month").rstrip(".").casefold()]
    try:
        return date(year, month, int(match.group("day")))
    except ValueError:
        return None
