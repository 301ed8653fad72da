"""Casualties: how many were killed, injured, arrested or abducted, from numbers and from people.

"20 tourists and one policeman were killed" is 20 + 1; "A man was shot and killed" is one
death; "two others injured" two injuries; "He was taken to the hospital, where he later died"
one death and no injury; "nobody was hurt" a zero. Each part keeps the offsets of its cue word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from extract.events.records import Casualty
from extract.events.rules import CasualtyCue, EventRules
from nlp.dates import MONTHS
from nlp.doc_index import span_text

SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "himself", "herself"})
WORSE = {"killed": 3, "injured": 2, "abducted": 1, "arrested": 0}
_AGE = re.compile(r"^\d+-year-olds?$|^\d+$")
_SUBJECTS = ("nsubjpass", "nsubj")


@dataclass(frozen=True)
class VictimCount:
    n: int
    qualifier: str | None
    vague: bool


def _number_of(token: Token, rules: EventRules) -> tuple[int, bool] | None:
    word = token.lower_.replace(",", "")
    if word.isdigit():
        return int(word), False
    return rules.number_words.get(word)


def _qualifier_before(token: Token, rules: EventRules) -> str | None:
    before = " ".join(t.lower_ for t in token.doc[max(0, token.i - 3):token.i])
    return next((q for phrase, q in rules.qualifiers.items() if before.endswith(phrase)), None)


def _is_person(token: Token, rules: EventRules) -> bool:
    if token.ent_type_ == "PERSON" or token.lower_ in SINGULAR_PRONOUNS:
        return True
    # a surname alone is often tagged PRODUCT by the small model ("DeMuro fatally shot Gilman")
    if token.pos_ == "PROPN" and token.ent_type_ in ("", "PERSON", "ORG", "NORP", "GPE", "PRODUCT") and token.is_title:
        return True
    return token.lemma_.casefold() in rules.victim_nouns or bool(_AGE.match(token.lower_)) or _an_age_alone(token)


def _an_age_alone(token: Token) -> bool:
    """ "A 17-year-old was injured": an age that the parser splits ("17 - year - old") names a
    person when nothing follows it."""
    return token.lower_ in ("old", "olds") and any(
        c.dep_ == "npadvmod" and c.lemma_ in ("year", "month") for c in token.children)


def count_victims(head: Token, rules: EventRules) -> VictimCount | None:
    """How many people a victim noun phrase names: "two men" 2, "a 26-year-old woman" 1,
    "he" 1, "dozens of people" 12 (vague), "the victims" unknown (None)."""
    own = _number_of(head, rules)
    if own is not None and head.pos_ in ("NUM", "NOUN", "PRON", "DET"):
        return VictimCount(own[0], _qualifier_before(head, rules), own[1])
    if not _is_person(head, rules):
        return None  # "two firearms were seized", "21 Pro Video Photo"
    for child in head.children:
        if child.dep_ in ("nummod", "quantmod") or (child.dep_ == "det" and child.lower_ in ("both",)):
            number = _number_of(child, rules)
            if number is not None:
                return VictimCount(number[0], _qualifier_before(child, rules), number[1])
    if head.tag_ in ("NNS", "NNPS") or head.lower_ in ("they", "them", "people"):
        return None
    return VictimCount(1, None, False)


def _with_conjuncts(head: Token) -> list[Token]:
    """ "a man and a woman", "Adams and Hepburn": every conjoined noun."""
    heads = [head]
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            heads.extend(_with_conjuncts(child))
    return heads


def _predicate(tokens: Sequence[Token]) -> Token:
    """The verb or adjective of a cue ("shot" in "fatally shot", "taken" in "taken to hospital"),
    or the verb a noun cue hangs from ("condition" -> "was")."""
    noun_cue = any(t.pos_ == "NOUN" for t in tokens)
    for token in tokens:
        if token.pos_ in ("VERB", "ADJ") and token.lower_ != "fatally" and not (noun_cue and token.dep_ == "amod"):
            return token  # not "stable" in "in stable condition": the noun's verb decides
    token = tokens[0]
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return token
        token = token.head
    return token


def _subject_of(verb: Token) -> Token | None:
    """The subject of a verb, of the verb it is conjoined to ("was shot and killed"), of the
    verb an adjective completes ("found dead"), or the noun a clause describes ("a man who died")."""
    for token in (verb, verb.head if verb.dep_ in ("conj", "oprd", "acomp", "xcomp", "advcl") else None):
        if token is None:
            continue
        subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            if subject.lower_ in ("who", "that", "which") and token.dep_ == "relcl":
                return token.head
            return subject
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _victims(cue: CasualtyCue, tokens: Sequence[Token]) -> list[Token]:
    if cue.victim == "of" or (cue.victim == "object" and tokens[0].pos_ == "NOUN"
                              and not any(t.pos_ == "VERB" for t in tokens)):  # not "a bullet struck him"
        # "the shooting of Hunter Miller": a noun names its victim with "of", never through the
        # verb it hangs from ("charged Asia Lawson in a shooting")
        of = next((c for t in tokens for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        objects = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
        return objects[:1]
    verb = _predicate(tokens)
    if cue.victim == "object":
        if _fired_at(verb):
            return []
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        direct = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if passive is not None or direct is not None:
            return [passive if passive is not None else direct]
        if verb.tag_ != "VBN" and not _resultative(tokens):
            return []  # "killing" with no object, "who shot at a man": no victim named here
    if verb.lemma_.casefold() == "leave":  # "a shooting left a man in critical condition": the man
        left = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if left is not None:
            return [left]
    subject = _subject_of(verb)
    return [subject] if subject is not None else []


RESULTS = frozenset({"death", "dead"})  # "shot to death", "stabbed dead": the end of a killing cue


def _fired_at(verb: Token) -> bool:
    """ "a pizza delivery woman was held up and shot at": a preposition with nothing after it says
    she was fired at, not hit."""
    return any(c.dep_ == "prep" and c.lower_ == "at" and not any(True for _ in c.children) for c in verb.children)


def _resultative(tokens: Sequence[Token]) -> bool:
    """ "found Adane Weldekiros, 72, shot to death": a cue that ends in its result ("to death",
    "dead") says its subject died, whatever tag the parser gives the verb."""
    return len(tokens) > 1 and tokens[-1].lower_ in RESULTS


def _negated(tokens: Sequence[Token], unreal: frozenset[str]) -> bool:
    """ "was not injured", and what only might have happened: "she would get hurt unless ..." """
    verb = _predicate(tokens)
    heads = [verb, verb.head] if verb.dep_ in ("acomp", "oprd", "xcomp", "ccomp") else [verb]
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in unreal) for head in heads for c in head.children)


_NOBODY = frozenset({"no", "nobody", "none", "neither", "either", "any", "anyone", "anybody"})


def _nobody(head: Token) -> bool:
    """ "no one else", "either person", "anyone": nobody in particular."""
    return head.lower_ in _NOBODY or any(t.lower_ in _NOBODY for t in head.subtree if t.i <= head.i)


def _cue_tokens(sentence: Span, start: int, end: int) -> list[Token]:
    span = sentence.doc.char_span(sentence.start_char + start, sentence.start_char + end, alignment_mode="expand")
    return list(span) if span is not None else []


@dataclass(frozen=True)
class VictimPart:
    """A casualty part before its victim is named across sentences: the victim's head token."""

    casualty: Casualty
    victim: Token | None


def people_casualties(sentence: Span, rules: EventRules, offset: int) -> list[VictimPart]:
    """Casualty parts found through the parse: the victim of each cue word, counted."""
    parts: list[VictimPart] = []
    text = span_text(sentence)  # spaCy builds a Span's text on every access
    if rules.any_casualty_cue.search(text) is None:
        return parts
    for cue in rules.casualty_cues:
        for match in cue.pattern.finditer(text):
            tokens = _cue_tokens(sentence, match.start(), match.end())
            if not tokens or _negated(tokens, rules.modals.unreal):
                continue
            cue_start = sentence.start_char + match.start() + offset
            for head in (h for victim in _victims(cue, tokens) for h in _with_conjuncts(victim)):
                counted = count_victims(head, rules)
                if counted is None or _nobody(head):
                    continue
                parts.append(VictimPart(Casualty(
                    cue.kind, _phrase(head), rules.victim_nouns.get(head.lemma_.casefold()), counted.n,
                    counted.qualifier, True, cue_start, cue_start + len(match.group()), weak=cue.weak), head))
    return _worst_per_victim(parts)


def _phrase(head: Token) -> str:
    tokens = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("punct",)]
    if not tokens:
        return head.text
    return "".join(t.text_with_ws for t in tokens).strip()  # Doc.text joins every token of the Doc


def _worst_per_victim(parts: Iterable[VictimPart]) -> list[VictimPart]:
    """One part per victim: "was shot and killed" is a death, not a death and an injury."""
    best: dict[int, VictimPart] = {}
    for part in parts:
        key = part.victim.i if part.victim is not None else -len(best) - 1
        held = best.get(key)
        if held is None or WORSE[part.casualty.kind] > WORSE[held.casualty.kind]:
            best[key] = part
    return sorted(best.values(), key=lambda p: p.casualty.cue_start)


def zero_casualties(sentence: Span, rules: EventRules, offset: int) -> list[Casualty]:
    """ "nobody was injured", "no casualties were reported": zeros, which ACLED records as 0."""
    found: list[Casualty] = []
    text = span_text(sentence)
    for pattern, kinds in rules.zero_casualties:
        match = pattern.search(text)
        if match is None:
            continue
        start = sentence.start_char + match.start() + offset
        for kind in sorted(kinds - {c.kind for c in found}):
            found.append(Casualty(kind, "", None, 0, None, True, start, start + len(match.group())))
    return found


_CASUALTY_KIND = {"killed": "killed", "dead": "killed", "died": "killed", "killing": "killed", "kill": "killed",
                  "toll": "killed", "injured": "injured", "wounded": "injured", "hurt": "injured",
                  "injuring": "injured", "wounding": "injured", "arrested": "arrested", "detained": "arrested",
                  "abducted": "abducted", "kidnapped": "abducted", "murdered": "killed", "slain": "killed",
                  "massacred": "killed"}


_MONTH_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s*$", re.I)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def is_date_number(before: str, number: str) -> bool:
    """ "March 22, 2018 Garcia died": a day of the month or a year is no count."""
    number = number.rstrip(",")
    return bool(_YEAR.fullmatch(number) or (number.isdigit() and _MONTH_BEFORE.search(before)))


def _count(text: str, rules: EventRules) -> int | None:
    text = text.casefold().replace(",", "")
    if text.isdigit():
        return int(text)
    found = rules.number_words.get(text)
    return found[0] if found else None


def numbered_casualties(text: str, rules: EventRules) -> list[Casualty]:
    """Counts written as numbers, part by part, cue offsets relative to the text.

    Example: "20 tourists and one policeman were killed" -> killed 20 tourists, killed 1
    policeman (total 21); "killing 142 people" -> killed 142; "dozens" counts 12.
    """
    patterns = rules.count_patterns
    found: list[Casualty] = []
    if not patterns.may_count(text):
        return found
    for match in patterns.after.finditer(text):
        kind = _CASUALTY_KIND[match["kind"].casefold()]
        for part in patterns.part.finditer(match["parts"]):
            n = _count(part["n"], rules)
            if n is not None and not is_date_number(text[:match.start("parts") + part.start("n")], part["n"]):
                found.append(Casualty(kind, part["victims"] or "", None, n,
                                      rules.qualifiers.get((part["qualifier"] or "").casefold()), True,
                                      match.start("kind"), match.end("kind")))
    if found:
        return found
    for pattern in (patterns.before, patterns.toll):
        for match in pattern.finditer(text):
            n = _count(match["n"], rules)
            if n is not None and not is_date_number(text[:match.start("n")], match["n"]):
                found.append(Casualty(_CASUALTY_KIND[match["kind"].casefold()], match["victims"] or "", None, n,
                                      rules.qualifiers.get((match["qualifier"] or "").casefold()), True,
                                      match.start("kind"), match.end("kind")))
    return found
