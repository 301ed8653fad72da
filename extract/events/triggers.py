"""Triggers: the words that may report an incident ("attacked", "explosion", "protest"), found by
lemma and part of speech from seeds/events/triggers.csv.

"March" the month is a proper noun, not a march; a phrase ("went on strike") keeps its words
from matching alone; metaphors and idioms ("a price war", "a heart attack") are never triggers,
nor is a word that only names a kind of thing ("a beheading video", "murder rates").
"""

from __future__ import annotations

import string
from dataclasses import dataclass

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from extract.events.families import NATURAL, WEAPON
from extract.events.rules import EventRules, TriggerWord
from nlp.doc_index import span_text

# Parts of speech the small model gives ALL-CAPS wire copy ("BOMB" is often a proper noun there).
LOOSE_POS = frozenset({"NOUN", "VERB", "PROPN", "ADJ"})
# Names of storms and quakes are proper nouns: "Hurricane Dorian".
PROPER_FAMILIES = frozenset({NATURAL})
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
             ("d", ""))


@dataclass(frozen=True)
class Trigger:
    """A trigger word or phrase in a sentence; offsets into the Doc's text."""

    token: Token  # the phrase's first token
    start: int
    end: int
    text: str
    family: str
    plover_type: str | None
    event_class: str | None = None  # the class the word itself gives, when it overrides its family's


_ASCII_UPPER = string.ascii_uppercase.encode()
_ASCII_LOWER = string.ascii_lowercase.encode()


def is_shouting(text: str) -> bool:
    """ALL-CAPS copy (MUC wire reports), where the small model's tags and lemmas are unreliable:
    more than 20 letters, more than 80% of them capitals. Asked of every sentence, so ASCII text
    (where a letter is A-Z or a-z) is counted in C."""
    if text.isascii():
        raw = text.encode()
        n_upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
        n_letters = n_upper + len(raw) - len(raw.translate(None, _ASCII_LOWER))
    else:
        n_letters = sum(c.isalpha() for c in text)
        n_upper = sum(c.isalpha() and c.isupper() for c in text)
    return n_letters > 20 and n_upper > 0.8 * n_letters


def base_forms(token: Token, shouting: bool = True) -> list[str]:
    """The lemma and the lower-case word; in ALL-CAPS copy, which the lemmatizer fails on, also
    crude base forms ("KILLED" -> "kill", "BOMBS" -> "bomb")."""
    word = token.lower_
    forms = [token.lemma_.casefold(), word]
    if not shouting:
        return forms
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + replacement
            forms.append(stem)
            if len(stem) > 3 and stem[-1] == stem[-2] and not replacement:
                forms.append(stem[:-1])  # "kidnapped" -> "kidnap"
    return forms


def _particle_phrase(word: TriggerWord, head: Token, shouting: bool) -> bool:
    """ "pushed it out": a verb and its particle with words between."""
    return len(word.lemmas) == 2 and word.lemmas[0] in base_forms(head, shouting) and any(
        c.dep_ in ("prt", "prep", "advmod") and c.lower_ == word.lemmas[1] and c.i > head.i for c in head.children)


def _fits(word: TriggerWord, tokens: list[Token], i: int, shouting: bool) -> bool:
    """The word's phrase starts at tokens[i], with a part of speech it allows."""
    size = len(word.lemmas)
    if len(tokens) - i < size:
        return False
    if not _adjacent(word, tokens, i, shouting) and not _particle_phrase(word, tokens[i], shouting):
        return False
    allowed = LOOSE_POS if shouting else word.pos | ({"PROPN"} if word.family in PROPER_FAMILIES else set())
    return any(t.pos_ in allowed for t in tokens[i:i + max(size, 1)])


def trigger_starts(doc: Doc, rules: EventRules) -> numpy.ndarray:
    """Per token of the Doc, whether its lemma (case-folded) or its lower-case form begins a
    trigger word: in ordinary copy the only tokens the search need look at. Each distinct form
    of the Doc is looked up once."""
    forms = doc.to_array([LEMMA, LOWER]).reshape(-1, 2)
    strings = doc.vocab.strings
    lemmas, lemma_at = numpy.unique(forms[:, 0], return_inverse=True)
    lowers, lower_at = numpy.unique(forms[:, 1], return_inverse=True)
    lemma_starts = numpy.array([strings[h].casefold() in rules.triggers for h in lemmas.tolist()], dtype=bool)
    lower_starts = numpy.array([strings[h] in rules.triggers for h in lowers.tolist()], dtype=bool)
    return lemma_starts[lemma_at.reshape(-1)] | lower_starts[lower_at.reshape(-1)]


def find_triggers(sentence: Span, rules: EventRules, starts: numpy.ndarray | None = None) -> list[Trigger]:
    """Every trigger of a sentence, left to right; a phrase consumes the words it covers.
    `starts` is trigger_starts of the sentence's Doc, when the caller has it."""
    text = span_text(sentence)  # Doc.text joins every token of the Doc: slice the sentence's instead
    shouting = is_shouting(text)
    if shouting or starts is None:
        positions = range(len(sentence))  # ALL-CAPS copy is also looked up by crude stems
    else:
        positions = numpy.flatnonzero(starts[sentence.start:sentence.end]).tolist()
        if not positions:
            return []  # most sentences: no word begins a trigger, and their tokens are never made
    tokens = list(sentence)
    idioms: list[tuple[int, int]] | None = None  # found once the sentence has a trigger word
    found: list[Trigger] = []
    free = 0  # the first token no phrase found so far covers
    for i in positions:
        if i < free:
            continue
        word = _word_at(tokens, i, rules, shouting)
        if word is None or _is_a_date(tokens, i):
            continue
        if idioms is None:
            idioms = rules.not_events.spans(text)
        size = len(word.lemmas) if _adjacent(word, tokens, i, shouting) else 1
        last = tokens[i + size - 1]
        start, end = tokens[i].idx, last.idx + len(last.text)
        relative = (start - sentence.start_char, end - sentence.start_char)
        if not any(a < relative[1] and relative[0] < b for a, b in idioms) and not (
                size == 1 and names_a_kind(tokens[i], word.family, rules)):
            found.append(Trigger(tokens[i], start, end, text[relative[0]:relative[1]], word.family, word.plover_type,
                                 word.event_class))
        free = i + size
    return found


def _adjacent(word: TriggerWord, tokens: list[Token], i: int, shouting: bool) -> bool:
    """The word's lemmas are the tokens from tokens[i] on, one after the other."""
    return len(tokens) - i >= len(word.lemmas) and all(
        lemma in base_forms(tokens[i + k], shouting) for k, lemma in enumerate(word.lemmas))


def _is_a_date(tokens: list[Token], i: int) -> bool:
    """ "MARCH 19", "19 MARCH": the month, even in ALL-CAPS copy."""
    if tokens[i].lower_ != "march":
        return False
    around = tokens[max(0, i - 1):i] + tokens[i + 1:i + 2]
    return any(t.like_num for t in around)


def _word_at(tokens: list[Token], i: int, rules: EventRules, shouting: bool) -> TriggerWord | None:
    for form in dict.fromkeys(base_forms(tokens[i], shouting)):
        for word in rules.triggers.get(form, ()):
            if _fits(word, tokens, i, shouting):
                return word
    return None




def names_a_kind(token: Token, family: str, rules: EventRules) -> bool:
    """ "a beheading video", "murder rates", "a talk show", "protest tactics", "an arrest
    warrant", "riot police", "a land attack missile": an incident word that only modifies another
    noun names a kind of that thing, not an incident. "The shooting victim", "a robbery suspect",
    "a murder-suicide" still tell one (seeds/events/incident_heads.csv), and so does a head that
    is itself an incident word ("a gun battle", "a car bomb explosion"). A weapon stays a weapon
    ("mortar rounds"): it is an event only where it strikes."""
    head = token.head
    if head.i == token.i or head.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("compound", "amod"):
        return False
    if family == WEAPON:
        return False  # "mortar rounds" are weapons still; a weapon is an event only where it strikes
    if token.dep_ == "amod" and token.tag_ not in ("VBG", "NN"):
        return False  # "a deadly attack" is no kind
    lemma = head.lemma_.casefold()
    if lemma in rules.incident_heads or (token.dep_ == "amod" and lemma in rules.physical_nouns):
        return False  # "a burning car" burns
    head_words = [w for w in rules.triggers.get(lemma, ()) if len(w.lemmas) == 1 and head.pos_ in w.pos]
    # a weapon a violent word qualifies is a kind of weapon: "an attack missile", not "a bomb blast"
    return not any(w.family != WEAPON or family == WEAPON for w in head_words)
