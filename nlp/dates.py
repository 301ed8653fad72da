"""Dates: resolve "on Wednesday", "two days later", "last July" or "2014" to a calendar value
with its precision, from the publication date and the date of the previous event.

News conventions: a weekday equal to the publication weekday is that day; another weekday is
the most recent past one unless the sentence speaks of the future; "two days later" counts from
the previous event, not from the publication date; "2014" stays a year (no invented day).
Values follow TimeML: "2015-03-18" (day), "2013-W11" (week), "2012-08" (month), "2012" (year),
"2012-SU" (season).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

DATES_VERSION = "dates.v1"

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
          "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
          "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None}
UNIT_DAYS = {"day": 1, "week": 7}
# A bare month name up to this many months ahead is the coming one ("May" in March).
UPCOMING_MONTHS = 3
# A month-day without a year further ahead than this is taken as last year's.
MAX_FUTURE_DAYS_WITHOUT_YEAR = 60

_FILLER = re.compile(r"\b(?:on|in|the|of|during|at|by|since|until|from|early|late|mid|fiscal|calendar|just|only|"
                     r"morning|afternoon|evening|night|overnight)\b", re.I)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
_RELATIVE = re.compile(r"^(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")\s+(?P<unit>day|week|month|year)s?\s+"
                       r"(?P<direction>ago|earlier|before|later|after|afterwards|from now)$")
_MONTH_DAY = re.compile(rf"^(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?$")
_DAY_MONTH = re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\.?(?:,?\s+(?P<year>\d{{4}}))?$")
_MONTH_YEAR = re.compile(rf"^(?P<modifier>last|this|next|)\s*(?P<month>{_MONTH})\.?(?:,?\s+(?P<year>\d{{4}}))?$")
_YEAR = re.compile(r"^(?:the\s+year\s+)?(?P<year>1[89]\d\d|20\d\d)$")
_SHORT_YEAR = re.compile(r"^'(?P<year>\d\d)$")  # "'58"
TWO_DIGIT_YEAR_PIVOT = 30  # '29 is 2029, '58 is 1958; a dateline's "19 APR 89" is 1989
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")
_US = re.compile(r"^(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d\d)$")
_DAY_OF_MONTH = re.compile(r"^(?P<day>\d{1,2})(?:st|nd|rd|th)$")  # "on the 5th"
_WEEKDAY_PHRASE = re.compile(rf"^(?P<modifier>last|this|next|)\s*(?P<weekday>{_WEEKDAY})$")
_PERIOD = re.compile(r"^(?P<modifier>last|this|next|past|previous|coming|current)\s+(?P<unit>week|month|year)$")
_SEASON = re.compile(r"^(?P<modifier>last|this|next|)\s*(?P<season>spring|summer|autumn|fall|winter)"
                     r"(?:\s+(?P<year>\d{4}))?$")


@dataclass(frozen=True)
class ResolvedDate:
    """A date expression resolved as far as the text allows."""

    text: str
    value: str | None  # TimeML value, None when unresolved
    precision: str  # day | week | month | year | season | unknown
    start: date | None  # first day of the period (the day itself at day precision)


def unresolved(text: str) -> ResolvedDate:
    return ResolvedDate(text, None, "unknown", None)


def _day(text: str, day: date) -> ResolvedDate:
    return ResolvedDate(text, day.isoformat(), "day", day)


def _week(text: str, day: date) -> ResolvedDate:
    year, week, _ = day.isocalendar()
    return ResolvedDate(text, f"{year}-W{week:02d}", "week", day - timedelta(days=day.weekday()))


def _month(text: str, year: int, month: int) -> ResolvedDate:
    return ResolvedDate(text, f"{year:04d}-{month:02d}", "month", date(year, month, 1))


def _year(text: str, year: int) -> ResolvedDate:
    return ResolvedDate(text, f"{year:04d}", "year", date(year, 1, 1))


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def _add_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


# Times of day and their hedges: "around 2 a.m. Sunday" is Sunday.
_TIME_OF_DAY = re.compile(r"\b(?:(?:at|around|about|approximately|shortly|just|after|before|until|by)\s+)*"
                          r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?|o'clock|hours?\b)|noon|midnight)", re.I)
# "Monday, March 19, 2018": the explicit date decides; the weekday only repeats it.
_WEEKDAY_BEFORE_DATE = re.compile(rf"^(?:{_WEEKDAY})\s*,?\s+(?=(?:{_MONTH})\b|\d)")


def normalise_expression(text: str) -> str:
    """Lowercase, drop times of day, fillers ("on", "the", "early", "morning"), a weekday
    before an explicit date, and punctuation at the edges."""
    lowered = _TIME_OF_DAY.sub(" ", text.casefold().replace("’", "'"))
    lowered = lowered.strip(" .,;:'\"")
    lowered = _FILLER.sub(" ", lowered)
    lowered = " ".join(lowered.replace("'s", "").split()).strip(" .,;:")
    return _WEEKDAY_BEFORE_DATE.sub("", lowered)


def resolve_date(
    text: str, published: date | None, previous_event: date | None = None, future: bool = False
) -> ResolvedDate:
    """Resolve a date expression.

    Examples with published = Saturday 2015-03-21: "On Wednesday" -> 2015-03-18 (day);
    "two days later" with previous_event 2015-03-18 -> 2015-03-20; "last week" -> 2015-W11;
    "2014" -> 2014 (year); "two days later" without a previous event -> unknown.
    Relative expressions without a publication date stay unknown: never the run date.
    """
    expression = normalise_expression(text)
    if not expression:
        return unresolved(text)
    absolute = _absolute(text, expression, published, future)
    if absolute is not None:
        return absolute
    relative = _RELATIVE.match(expression)
    if relative:
        return _relative_offset(text, relative, published, previous_event)
    if published is None:
        return unresolved(text)
    return _relative_to_publication(text, expression, published, future) or unresolved(text)


def _absolute(text: str, expression: str, published: date | None, future: bool) -> ResolvedDate | None:
    """Dates that carry their year, or whose year comes from the publication date."""
    for pattern in (_ISO, _US):
        match = pattern.match(expression)
        if match:
            year = int(match["year"])
            if year < 100:  # "2/22/13"
                year += 2000 if year < TWO_DIGIT_YEAR_PIVOT else 1900
            try:
                return _day(text, date(year, int(match["month"]), int(match["day"])))
            except ValueError:
                return unresolved(text)
    match = _DAY_OF_MONTH.match(expression)
    if match and published is not None:
        return _day_of_month(text, int(match["day"]), published)
    match = _YEAR.match(expression)
    if match:
        return _year(text, int(match["year"]))
    match = _SHORT_YEAR.match(text.strip().replace("’", "'"))
    if match:
        short = int(match["year"])
        return _year(text, (2000 if short < TWO_DIGIT_YEAR_PIVOT else 1900) + short)
    match = _MONTH_DAY.match(expression) or _DAY_MONTH.match(expression)
    if match:
        month, day_number = MONTHS[match["month"]], int(match["day"])
        if match["year"]:
            year = int(match["year"])
        elif published is not None:
            year = published.year
            try:
                if date(year, month, day_number) - published > timedelta(days=MAX_FUTURE_DAYS_WITHOUT_YEAR):
                    year -= 1
            except ValueError:
                return unresolved(text)
        else:
            return unresolved(text)
        try:
            return _day(text, date(year, month, day_number))
        except ValueError:
            return unresolved(text)
    match = _MONTH_YEAR.match(expression)
    if match:
        month = MONTHS[match["month"]]
        if match["year"]:
            return _month(text, int(match["year"]), month)
        if published is None:
            return unresolved(text)
        return _month(text, _year_of_month(month, published, match["modifier"], future), month)
    return None


def _day_of_month(text: str, day_number: int, published: date) -> ResolvedDate:
    """ "on the 5th": this month's 5th, or last month's when the 5th is still to come."""
    year, month = published.year, published.month
    if day_number > published.day:
        year, month = _add_months(published, -1)
    try:
        return _day(text, date(year, month, day_number))
    except ValueError:
        return unresolved(text)


def _year_of_month(month: int, published: date, modifier: str, future: bool) -> int:
    """ "July" in a March article is last July; "May" (within three months ahead) is this May;
    "next" or a sentence about the future takes the coming one."""
    if modifier == "next" or (future and modifier != "last"):
        return published.year if month > published.month else published.year + 1
    if modifier == "last":
        return published.year if month < published.month else published.year - 1
    if modifier == "this":
        return published.year
    months_ahead = (month - published.month) % 12
    if months_ahead <= UPCOMING_MONTHS:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _relative_offset(text: str, match: re.Match[str], published: date | None, previous: date | None) -> ResolvedDate:
    """ "two days ago" counts from publication; "two days later" from the previous event."""
    amount = _number(match["n"])
    direction = match["direction"]
    backwards = direction in ("ago", "earlier", "before")
    anchor = published if direction in ("ago", "from now") else previous
    if amount is None or anchor is None:
        return unresolved(text)
    sign = -1 if backwards else 1
    unit = match["unit"]
    if unit in UNIT_DAYS:
        day = anchor + timedelta(days=sign * amount * UNIT_DAYS[unit])
        return _day(text, day) if unit == "day" else _week(text, day)
    if unit == "month":
        return _month(text, *_add_months(anchor, sign * amount))
    return _year(text, anchor.year + sign * amount)


def _relative_to_publication(text: str, expression: str, published: date, future: bool) -> ResolvedDate | None:
    if expression in ("today", "tonight", "this", "now", "this week-end"):
        return _day(text, published) if expression != "now" else None
    if expression in ("yesterday", "last"):
        return _day(text, published - timedelta(days=1))
    if expression == "tomorrow":
        return _day(text, published + timedelta(days=1))
    match = _WEEKDAY_PHRASE.match(expression)
    if match:
        return _day(text, _weekday(WEEKDAYS[match["weekday"]], published, match["modifier"], future))
    match = _PERIOD.match(expression)
    if match:
        step = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[match["modifier"]]
        if match["unit"] == "week":
            return _week(text, published + timedelta(days=7 * step))
        if match["unit"] == "month":
            return _month(text, *_add_months(published, step))
        return _year(text, published.year + step)
    match = _SEASON.match(expression)
    if match:
        year = int(match["year"]) if match["year"] else published.year + {"last": -1, "next": 1}.get(match["modifier"], 0)
        code = SEASONS[match["season"]]
        return ResolvedDate(text, f"{year}-{code}", "season", None)
    return None


def _weekday(weekday: int, published: date, modifier: str, future: bool) -> date:
    """The publication weekday is that day; otherwise the most recent past one, or the next one
    for "next" and future sentences."""
    days_back = (published.weekday() - weekday) % 7
    if modifier == "next" or (future and modifier not in ("last",) and days_back):
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if modifier == "last" and days_back == 0:
        return published - timedelta(days=7)
    return published - timedelta(days=days_back)


_FUTURE_CUE = re.compile(r"\b(?:will|'ll|would|shall|next|plans? to|planned to|expected to|set to|scheduled to)\b",
                         re.I)


def speaks_of_future(sentence_before: str) -> bool:
    """Whether the words before a date expression in its sentence point ahead
    ("The vote will take place on Friday")."""
    return bool(_FUTURE_CUE.search(sentence_before[-80:]))
