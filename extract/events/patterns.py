"""The regular expressions the event rules compile once from their seeds: casualty counts written
out ("killing 142 people", "the death toll rose to 39") and street addresses ("619 Waddell Avenue")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

_NOT_VICTIM = r"(?!(?:were|was|are|is|has|have|had|been|and|in|on|other|more|reportedly|also|later|confirmed)\b)"
# "five other civilians reportedly also died": a few describing words and adverbs may come between.
_BETWEEN = r"(?:\s+(?:other|more|people|civilians|reportedly|also|later|were|was|are|have|had|been|confirmed))*"


@dataclass(frozen=True)
class CountPatterns:
    after: re.Pattern[str]  # "20 tourists and one policeman were killed"
    before: re.Pattern[str]  # "killing 142 people"
    toll: re.Pattern[str]  # "the death toll rose to 39"
    part: re.Pattern[str]


# "killed 40-year-old Terence Crutcher" names an age, "killed 9/11 plotter Osama bin Laden" a date: no count
_NOT_A_COUNT = r"(?!\s*-?\s*(?:years?|months?|weeks?)\b|/\d)"


def count_patterns(number_words: Mapping[str, tuple[int, bool]], qualifiers: Iterable[str]) -> CountPatterns:
    """The number patterns, built from seeds/events/number_words.csv and qualifiers.csv. Words
    that count a single person ("a", "both") are left to the parse."""
    words = sorted((w for w, (n, _) in number_words.items() if n > 2 or " " in w or w in ("one", "two")),
                   key=len, reverse=True)
    number = r"(?:\d[\d,]*|" + "|".join(re.escape(w) for w in words) + ")"
    qualifier = r"(?:(?P<qualifier>" + "|".join(re.escape(q) for q in sorted(qualifiers, key=len,
                                                                                reverse=True)) + r")\s+)?"
    part = rf"{qualifier}(?<!\bno )(?<!\bNo )(?<!\bNO )(?<!,\s)(?<!,)\b(?P<n>(?>{number})){_NOT_A_COUNT}(?:\s+of)?(?:\s+(?P<victims>{_NOT_VICTIM}[\w-]+))?"
    after = (rf"(?P<parts>{part}(?:\s*(?:,|and)\s*{number}\s+[\w-]+)*){_BETWEEN}\s+"
             r"(?P<kind>killed|dead|died|murdered|slain|massacred|injured|wounded|hurt|arrested|detained|abducted|"
             r"kidnapped)\b")
    before = rf"\b(?P<kind>killing|killed|injuring|wounding|kill|wounded|injured)\s+{part}"
    toll = rf"\bdeath (?P<kind>toll)\b(?:\s+\w+){{0,4}}?\s+(?:to|of|at|is|was|reached|hit|stands at)\s+{part}"
    return CountPatterns(re.compile(after, re.I), re.compile(before, re.I), re.compile(toll, re.I),
                         re.compile(part, re.I))


def _suffixes(words: Sequence[str]) -> str:
    return "|".join(sorted({w.capitalize() for w in words} | {w.upper() for w in words}, key=lambda w: (-len(w), w)))


_NOT_SAINT = r"(?!(?<=\bSt)\.?\s+[A-Z][a-z])"  # "Port St. Lucie", "East St. Louis": a saint, no street


def street_pattern(street_nouns: Sequence[str], numbered_nouns: Sequence[str]) -> re.Pattern[str]:
    """An address as local news writes it: "the 100 block of Brushwood Drive", "619 Waddell
    Avenue", "Northwest 15th Avenue and 69th Street", "County Road 49"; capitalised names only.
    Numbered nouns ("Court", "Way") make an address only after a number: "the Supreme Court" is none."""
    word = r"(?:[A-Z0-9][\w'.-]*|of|de|la|del|the)"
    name = rf"[A-Z0-9][\w'.-]*\s+(?:{word}\s+){{0,4}}?"
    street = rf"{name}(?:{_suffixes(street_nouns)})\b{_NOT_SAINT}\.?(?:\s+\d+\b)?"
    any_street = rf"{name}(?:{_suffixes([*street_nouns, *numbered_nouns])})\b{_NOT_SAINT}\.?"
    numbered = rf"(?:the\s+)?(?:\d{{1,5}}[-\s]?(?:hundred\s+)?block\s+of\s+|\d{{1,6}}\s+){any_street}"
    return re.compile(rf"{numbered}|{street}(?:\s+(?:and|&)\s+{street})?")
