"""Datelines: the lead of a wire story's first paragraph ("MOUSSAOUI BEIRUT (AFP) -") split into byline,
place, region, date and agency, each by offset."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date

from extract.layout_parts import LayoutRules, Segment, trailing_space
from nlp.dates import MONTHS, TWO_DIGIT_YEAR_PIVOT


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


_NO_PLACE = {"no city", "no place"}


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
    lead_end = parts.end - trailing_space(line[: parts.end])
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
