"""When: the incident date a sentence gives, resolved with the news conventions of nlp.dates.

"Monday, March 19, 2018", "Feb. 22, 2013", "early Sunday", "last night", "2/22/13", "on the
5th" are all days; "a 13-year-old boy" and "aged 28" are ages, not dates. The first expression
that resolves to a day wins, then the first that resolves at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Span, Token

from nlp.dates import MONTHS, WEEKDAYS, ResolvedDate, resolve_date, speaks_of_future
from nlp.doc_index import span_text

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
# Date phrases the small model misses, most of all in ALL-CAPS wire copy ("ON 30 DECEMBER").
_DATE_PHRASE = re.compile(
    rf"\b(?:(?:(?:early|late)\s+)?(?:(?:last|this|next)\s+)?(?:{_WEEKDAY})(?:\s*,\s*(?:{_MONTH})\.?\s+\d{{1,2}}"
    rf"(?:,?\s+\d{{4}})?|\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+(?:{_MONTH})\.?(?:\s+\d{{4}})?"
    r"|\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)"
    r"|(?:last|this)\s+(?:night|morning|afternoon|evening|week|month|year)|yesterday|today|tonight|overnight"
    r"|the\s+\d{1,2}(?:st|nd|rd|th)\b(?!\s+(?-i:[A-Z]))"  # "on the 5th"; "the 7th Ward" is a place
    r"|(?:\w+\s+)?days?\s+(?:later|ago|earlier))\b", re.I)
_AGE = re.compile(r"\d+[- ]years?[- ]old|\baged?\b|\byears? old\b|\bage of\b", re.I)
_DURATION = re.compile(r"^(?:for\s+)?(?:the\s+)?(?:past|last|next)?\s*(?:\d+|a|an|one|two|three|few|several)\s+"
                       r"(?:hours?|minutes?|weeks?|months?|years?|decades?)$", re.I)


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int  # in the Doc's text
    resolved: ResolvedDate
    reported: bool = False  # the day something was said ("police said Monday"), not the incident's


def _is_age_or_duration(text: str, context: str) -> bool:
    stripped = text.strip()
    return (bool(_AGE.search(text)) or bool(_AGE.search(context)) or bool(_DURATION.match(stripped))
            or (stripped.isdigit() and len(stripped) <= 2))


def date_expressions(sentence: Span, ents: Sequence[Span] | None = None) -> list[tuple[str, int]]:
    """DATE and TIME entities that are not ages or durations, and date phrases by pattern,
    in text order, as (text, start in the Doc). `ents` are the sentence's entities when the
    caller has them (Span.ents scans the whole Doc on every access)."""
    found: dict[int, str] = {}
    text = span_text(sentence)  # Doc.text joins every token of the Doc: slice the sentence's instead
    base = sentence.start_char
    for entity in (sentence.ents if ents is None else ents):
        if entity.label_ in ("DATE", "TIME"):
            after = text[entity.end_char - base:entity.end_char - base + 12]
            if not _is_age_or_duration(span_text(entity), after):
                found[entity.start_char] = span_text(entity).rstrip(")]")  # the model's "Jan. 8)" of "(Jan. 8)"
    for match in _DATE_PHRASE.finditer(text):
        start = sentence.start_char + match.start()
        if start not in found or len(match.group()) > len(found[start]):
            found[start] = match.group()  # "Feb. 26" inside the model's "around 7 p.m. Feb." too
    return sorted(((text, start) for start, text in found.items()), key=lambda pair: pair[1])


def tells_the_report(sentence: Span, start: int, report_verbs: frozenset[str]) -> bool:
    """ "police said Monday", "identified the victim Tuesday": the day something was said, not
    the day it happened. "(9/1/1970)" after a name is a birth date."""
    doc = sentence.doc
    before = start - sentence.start_char
    if before > 0 and span_text(sentence)[before - 1] == "(":
        return True
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    for _ in range(3):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token.lemma_.casefold() in report_verbs
    return False


def _restated(found: list[DateMention], text: str, base: int) -> list[DateMention]:
    """ "robbed Tuesday (Jan. 7)", "early Sunday morning (March 31)": a calendar date in brackets
    right after a weekday restates it, and is the surer of the two: the weekday gives way, and
    the bracketed date is the incident's (not a birth date in brackets after a name)."""
    kept: list[DateMention] = []
    for i, mention in enumerate(found):
        before = found[i - 1] if i > 0 else None
        if before is not None and _restates(before, mention, text, base):
            kept[-1] = replace(mention, reported=before.reported)
        else:
            kept.append(mention)
    return kept


def _restates(weekday: DateMention, calendar: DateMention, text: str, base: int) -> bool:
    end = weekday.start - base + len(weekday.text)
    return (text[end:calendar.start - base].strip() == "(" and any(c.isdigit() for c in calendar.text)
            and calendar.resolved.precision == "day" and not any(c.isdigit() for c in weekday.text))


def sentence_date(sentence: Span, published: date | None, previous_event: date | None,
                  report_verbs: frozenset[str] = frozenset(), ents: Sequence[Span] | None = None) -> DateMention | None:
    """The date a sentence gives its incident: the first expression resolving to a day, else the
    first resolving at all, else the first expression (unresolved); days of a report ("said
    Monday") only when nothing else is given."""
    found = []
    sentence_text = span_text(sentence)
    for text, start in date_expressions(sentence, ents):
        before = sentence_text[:start - sentence.start_char]
        told = tells_the_report(sentence, start, report_verbs)
        found.append(DateMention(text, start, resolve_date(text, published, previous_event,
                                                           future=speaks_of_future(before)), told))
    found = _restated(found, sentence_text, sentence.start_char)
    mentions, reported = [m for m in found if not m.reported], [m for m in found if m.reported]
    ranked = ([m for m in mentions if m.resolved.precision == "day"], [m for m in reported if m.resolved.precision == "day"],
              [m for m in mentions if m.resolved.precision != "unknown"],
              [m for m in reported if m.resolved.precision != "unknown"], mentions, reported)
    return next((found[0] for found in ranked if found), None)


TIME_MARKS = frozenset({"before", "after", "until"})  # not "since": often "because"


def time_clause(trigger: Token) -> Span | None:
    """The clause "before ...", "after ..." the trigger lies in, from its mark to its end; None
    when it lies in the main clause. A day or a place of the main clause is not the clause's:
    in "Two days before Mateen shot 49 people, he knelt at the Fort Pierce mosque" neither "two
    days before" nor the mosque is where or when the shooting was."""
    node = trigger
    while node.head.i != node.i:
        mark = next((c for c in node.children if c.dep_ == "mark" and c.lower_ in TIME_MARKS), None)
        if node.dep_ == "advcl" and mark is not None:
            return node.doc[mark.i:node.right_edge.i + 1]
        node = node.head
    return None


def relative_clause(trigger: Token) -> Span | None:
    """The relative clause the trigger lies in ("Shelby, who shot and killed Crutcher in Tulsa
    last week, was charged on Thursday"), or None: a day it names is the incident's, before a day
    the main clause gives."""
    node = trigger
    while node.head.i != node.i:
        if node.dep_ == "relcl":
            return node.doc[node.left_edge.i:node.right_edge.i + 1]
        node = node.head
    return None
