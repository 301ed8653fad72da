"""The regular expressions the event rules compile once from their seeds: casualty counts written
out ("killing 142 people", "the death toll rose to 39"), street addresses ("619 Waddell Avenue")
and fixed phrases ("price war", "heart attack")."""

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
    kind_words: tuple[str, ...]  # every match of the three holds one of these, in any case

    def may_count(self, text: str) -> bool:
        """False when none of the three patterns can match: an ASCII text without a word they
        need ("killed", "death toll"). Most sentences with incident words count nobody, and a
        substring test is far cheaper than the patterns. Other text is always searched: a
        case-blind pattern matches letters that lower() would not give (the Kelvin sign)."""
        if not text.isascii():
            return True
        lowered = text.lower()
        return any(word in lowered for word in self.kind_words)


# "killed 40-year-old Terence Crutcher" names an age, "killed 9/11 plotter Osama bin Laden" a date: no count
_NOT_A_COUNT = r"(?!\s*-?\s*(?:years?|months?|weeks?)\b|/\d)"


# The words that say what befell the people counted, after the count and before it; a toll.
_KINDS_AFTER = ("killed", "dead", "died", "murdered", "slain", "massacred", "injured", "wounded", "hurt", "arrested",
                "detained", "abducted", "kidnapped")
_KINDS_BEFORE = ("killing", "killed", "injuring", "wounding", "kill", "wounded", "injured")
_TOLL_WORDS = ("death", "toll")


def count_patterns(number_words: Mapping[str, tuple[int, bool]], qualifiers: Iterable[str]) -> CountPatterns:
    """The number patterns, built from seeds/events/number_words.csv and qualifiers.csv. Words
    that count a single person ("a", "both") are left to the parse."""
    words = sorted((w for w, (n, _) in number_words.items() if n > 2 or " " in w or w in ("one", "two")),
                   key=len, reverse=True)
    number = r"(?:\d[\d,]*|" + "|".join(re.escape(w) for w in words) + ")"
    qualifier = r"(?:(?P<qualifier>" + "|".join(re.escape(q) for q in sorted(qualifiers, key=len,
                                                                                reverse=True)) + r")\s+)?"
    part = rf"{qualifier}(?<!\bno )(?<!\bNo )(?<!\bNO )(?<!,\s)(?<!,)\b(?P<n>(?>{number})){_NOT_A_COUNT}(?:\s+of)?(?:\s+(?P<victims>{_NOT_VICTIM}[\w-]+))?"
    after = rf"(?P<parts>{part}(?:\s*(?:,|and)\s*{number}\s+[\w-]+)*){_BETWEEN}\s+(?P<kind>{'|'.join(_KINDS_AFTER)})\b"
    before = rf"\b(?P<kind>{'|'.join(_KINDS_BEFORE)})\s+{part}"
    toll = rf"\b{_TOLL_WORDS[0]} (?P<kind>{_TOLL_WORDS[1]})\b(?:\s+\w+){{0,4}}?\s+(?:to|of|at|is|was|reached|hit|stands at)\s+{part}"
    return CountPatterns(re.compile(after, re.I), re.compile(before, re.I), re.compile(toll, re.I),
                         re.compile(part, re.I), (*_KINDS_AFTER, *_KINDS_BEFORE, " ".join(_TOLL_WORDS)))


def _suffixes(words: Sequence[str]) -> str:
    return "|".join(sorted({w.capitalize() for w in words} | {w.upper() for w in words}, key=lambda w: (-len(w), w)))


_NOT_SAINT = r"(?!(?<=\bSt)\.?\s+[A-Z][a-z])"  # "Port St. Lucie", "East St. Louis": a saint, no street


@dataclass(frozen=True)
class StreetPattern:
    """Street addresses, searched only in text that holds a street noun as a whole word.

    Every address the pattern finds ends its street name with such a noun, so the check never
    loses one; the full pattern tries a capitalised name at every capitalised word, which in
    ALL-CAPS wire copy is every word."""

    pattern: re.Pattern[str]
    street_nouns: re.Pattern[str]

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.street_nouns.search(text) else None


def street_pattern(street_nouns: Sequence[str], numbered_nouns: Sequence[str]) -> StreetPattern:
    """An address as local news writes it: "the 100 block of Brushwood Drive", "619 Waddell
    Avenue", "Northwest 15th Avenue and 69th Street", "County Road 49"; capitalised names only.
    Numbered nouns ("Court", "Way") make an address only after a number: "the Supreme Court" is none."""
    word = r"(?:[A-Z0-9][\w'.-]*|of|de|la|del|the)"
    name = rf"[A-Z0-9][\w'.-]*\s+(?:{word}\s+){{0,4}}?"
    street = rf"{name}(?:{_suffixes(street_nouns)})\b{_NOT_SAINT}\.?(?:\s+\d+\b)?"
    any_street = rf"{name}(?:{_suffixes([*street_nouns, *numbered_nouns])})\b{_NOT_SAINT}\.?"
    numbered = rf"(?:the\s+)?(?:\d{{1,5}}[-\s]?(?:hundred\s+)?block\s+of\s+|\d{{1,6}}\s+){any_street}"
    return StreetPattern(re.compile(rf"{numbered}|{street}(?:\s+(?:and|&)\s+{street})?"),
                         re.compile(rf"\b(?:{_suffixes([*street_nouns, *numbered_nouns])})\b"))


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Phrases:
    """Fixed phrases found as whole words, in any case ("price war", "heart attack").

    One alternation of hundreds of phrases costs about as much as the rest of the trigger
    search, so it runs only on text that holds every word of some phrase. The check is exact for
    ASCII text, where matching in any case is matching in lower case and each word of a phrase
    found whole is a whole word of the text; other text is always searched."""

    pattern: re.Pattern[str]
    # first word -> the words of each phrase starting with it; None when some phrase is not ASCII
    # or does not start with a word (then every text is searched)
    words_by_first: Mapping[str, tuple[frozenset[str], ...]] | None

    @classmethod
    def of(cls, phrases: Iterable[str]) -> Phrases:
        ordered = sorted(phrases, key=len, reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b", re.I)
        words = [_WORD.findall(p.lower()) for p in ordered]
        if not all(p.isascii() and found and p.lower().startswith(found[0]) for p, found in zip(ordered, words)):
            return cls(pattern, None)
        by_first: dict[str, list[frozenset[str]]] = {}
        for found in words:
            by_first.setdefault(found[0], []).append(frozenset(found))
        return cls(pattern, {first: tuple(sets) for first, sets in by_first.items()})

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the phrases occur in text, as (start, end)."""
        if self.words_by_first is not None and text.isascii() and not self._may_hold(text):
            return []
        return [(m.start(), m.end()) for m in self.pattern.finditer(text)]

    def _may_hold(self, text: str) -> bool:
        words = set(_WORD.findall(text.lower()))
        return any(needed <= words for first in words & self.words_by_first.keys()
                   for needed in self.words_by_first[first])
